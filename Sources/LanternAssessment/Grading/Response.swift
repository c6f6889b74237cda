/// What a trainee answered to one question. Options, pairs and items are referred to by their
/// position in the quiz file (0-based, author order), so shuffling never changes a response.
///
/// JSON: `{"choices":[1]}`, `{"text":"summaries"}`, `{"matches":[2,0,null]}`, `{"order":[1,0,2]}`.
public enum Response: Sendable, Hashable, Codable {
    /// Single, multiple response, true/false: the chosen options.
    case choices([Int])
    /// Short answer, numeric, essay: the text typed.
    case text(String)
    /// Matching: for each prompt in author order, the chosen answer's index in `Question.matchingAnswers` (nil: none).
    case matches([Int?])
    /// Ordering: item indices in the order the trainee put them.
    case order([Int])

    private enum Key: String, CodingKey { case choices, text, matches, order }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let value = try container.decodeIfPresent([Int].self, forKey: .choices) { self = .choices(value) }
        else if let value = try container.decodeIfPresent(String.self, forKey: .text) { self = .text(value) }
        else if let value = try container.decodeIfPresent([Int?].self, forKey: .matches) { self = .matches(value) }
        else if let value = try container.decodeIfPresent([Int].self, forKey: .order) { self = .order(value) }
        else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "a response needs one of choices, text, matches or order"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .choices(let value): try container.encode(value, forKey: .choices)
        case .text(let value): try container.encode(value, forKey: .text)
        case .matches(let value): try container.encode(value, forKey: .matches)
        case .order(let value): try container.encode(value, forKey: .order)
        }
    }
}
