/// `serve:` in `lantern.yml`: how `lantern serve` is reached and what assessors see on it.
public struct ServeSettings: Sendable, Hashable {
    /// Which trainees an assessor signed in to `lantern serve` may choose and record for.
    public enum AssessorsSee: String, Sendable, Hashable, CaseIterable {
        /// Only trainees enrolled in a cohort the assessor is assigned to (`lantern assessor
        /// assign`): the default, so a new assessor sees no one until they are assigned.
        case assigned
        /// Every trainee (a small organisation where every assessor may assess anyone).
        case all
    }

    /// A host and port.
    public struct Endpoint: Sendable, Hashable {
        public var host: String
        public var port: Int

        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }

        /// `host:port` (`[v6]:port` for an IPv6 address).
        public var text: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
    }

    public static let defaultListen = Endpoint(host: "127.0.0.1", port: 2222)

    /// Where `lantern serve` listens unless `--listen` is given (`listen:`; default 127.0.0.1:2222).
    public var listen: Endpoint?
    /// The public `host[:port]` people reach the server at, printed by `trainee invite` and
    /// `assessor invite` unless `--server` is given (`address:`).
    public var address: Endpoint?
    public var assessorsSee: AssessorsSee

    public init(listen: Endpoint? = nil, address: Endpoint? = nil, assessorsSee: AssessorsSee = .assigned) {
        self.listen = listen
        self.address = address
        self.assessorsSee = assessorsSee
    }

    /// Parses `ADDR:PORT`, `[v6]:PORT` or `:PORT` (the default address, 127.0.0.1): where to
    /// listen. Port 0 asks the system for a free port.
    public static func parseListen(_ text: String) -> Endpoint? {
        guard let (host, port) = split(text), let port else { return nil }
        return Endpoint(host: host.isEmpty ? defaultListen.host : host, port: port)
    }

    /// Parses `HOST`, `HOST:PORT` or `[v6]:PORT`: where people connect (port 22 when none is given).
    public static func parseAddress(_ text: String) -> Endpoint? {
        guard let (host, port) = split(text), !host.isEmpty, port != 0,
              !host.contains(where: { $0.isWhitespace || $0 == "@" || $0 == "/" }) else { return nil }
        return Endpoint(host: host, port: port ?? 22)
    }

    /// The host and the port (nil when none is written), or nil when it is neither form.
    private static func split(_ text: String) -> (String, Int?)? {
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return nil }
                portText = rest.dropFirst()
            }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            if host.contains(":") { return nil }
        } else {
            host = Substring(text)
        }
        guard let portText else { return (String(host), nil) }
        guard portText.allSatisfy(\.isASCII), let port = Int(portText), (0...65_535).contains(port) else { return nil }
        return (String(host), port)
    }
}
