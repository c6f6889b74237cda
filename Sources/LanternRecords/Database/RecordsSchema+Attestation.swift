import GRDB

extension RecordsSchema {
    /// Issue 20: rows recorded before audit entries carried digests are attested once, by this
    /// migration, in the chain under its name (trust on upgrade: `db check` on the old release
    /// before upgrading is the check of what came before).
    static func attestExistingRows(_ db: Database) throws {
        try Attestation.attestAll(db, migration: "v6-evidence-digests")
    }
}
