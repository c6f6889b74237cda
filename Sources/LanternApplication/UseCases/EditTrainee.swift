import LanternDiagnostics
import LanternRecords

/// Correcting a trainee's details (`lantern trainee edit`): the change is audited with hashed
/// old and new values, and each certificate that names the old email or shows the old name is
/// named with the `lantern cert reissue` line that replaces it.
public struct EditTrainee: Sendable {
    public let actor: Principal
    let records: RecordsStore
    let output: any OutputSink

    public init(records: RecordsStore, actor: Principal, output: any OutputSink) {
        self.actor = actor
        self.records = records.acting(as: actor.auditName)
        self.output = output
    }

    /// Applies the changes and says what changed and which certificates it concerns.
    @discardableResult
    public func run(trainee reference: String, _ changes: TraineeChanges) throws(LanternError) -> TraineeEdit {
        let edit = try records.editTrainee(reference, changes)
        let id = edit.after.id
        output.write("changed \(edit.changedFields.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", ")) of trainee \(id)\n")
        let emailChanged = edit.changedFields.contains("email")
        let nameChanged = edit.changedFields.contains { ["name", "preferred_name", "print_name"].contains($0) }
        guard emailChanged || nameChanged else { return edit }
        let current = try records.certificates(trainee: id).filter { $0.status != .revoked }
        for certificate in current {
            var why: [String] = []
            if emailChanged { why.append("names its holder by a hash of the old email address, so the new address will not match it") }
            if nameChanged { why.append("was printed and published with the old name") }
            output.write("certificate \(certificate.id) \(why.joined(separator: ", and ")).\n"
                         + "  to replace it: lantern cert reissue \(certificate.id)  (revokes it as superseded and issues a new one, same expiry)\n")
        }
        if !current.isEmpty && nameChanged && !emailChanged {
            output.write("the verification page shows the current name after the next 'lantern build'\n")
        }
        return edit
    }
}

/// Correcting an assessor's name or email (`lantern assessor edit`), audited with hashed values.
public struct EditAssessor: Sendable {
    public let actor: Principal
    let records: RecordsStore
    let output: any OutputSink

    public init(records: RecordsStore, actor: Principal, output: any OutputSink) {
        self.actor = actor
        self.records = records.acting(as: actor.auditName)
        self.output = output
    }

    public func run(assessor id: String, name: String?, email: String?) throws(LanternError) {
        let (before, after) = try records.editAssessor(id, name: name, email: email)
        var changed: [String] = []
        if before.name != after.name { changed.append("name") }
        if before.email != after.email { changed.append("email") }
        output.write("changed \(changed.joined(separator: " and ")) of assessor \(id)\n")
    }
}
