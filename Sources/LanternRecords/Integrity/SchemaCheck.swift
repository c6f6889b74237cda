import GRDB

/// Whether a database's schema is exactly what Lantern's migrations make: every table, index
/// and trigger with the same SQL, nothing dropped, nothing added, the same migrations applied.
/// A dropped append-only trigger or an extra trigger that rewrites rows is reported by name.
enum SchemaCheck {
    struct Object: Hashable, Comparable {
        var type: String
        var name: String
        var sql: String?
        static func < (lhs: Object, rhs: Object) -> Bool { (lhs.type, lhs.name) < (rhs.type, rhs.name) }
    }

    static func objects(_ db: Database) throws -> Set<Object> {
        Set(try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'").map {
            Object(type: $0[0], name: $0[1], sql: $0[2])
        })
    }

    /// The schema a new database gets from the migrations this version knows.
    static func expected() throws -> (objects: Set<Object>, migrations: [String]) {
        let queue = try DatabaseQueue()
        try RecordsSchema.migrator.migrate(queue)
        return try queue.read { db in
            (try objects(db), try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"))
        }
    }

    static func verify(_ db: Database) throws -> [String] {
        let expected = try expected()
        let actual = try objects(db)
        var problems: [String] = []
        let expectedByName = Dictionary(expected.objects.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let actualByName = Dictionary(actual.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for object in expected.objects.sorted() where actualByName[object.name] == nil {
            problems.append("schema: \(object.type) \(object.name) is missing (dropped outside Lantern)")
        }
        for object in actual.sorted() {
            guard let wanted = expectedByName[object.name] else {
                problems.append("schema: \(object.type) \(object.name) was added outside Lantern's migrations")
                continue
            }
            if wanted != object { problems.append("schema: \(object.type) \(object.name) differs from what the migrations made") }
        }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        if applied != expected.migrations {
            problems.append("schema: the applied migrations (\(applied.joined(separator: ", "))) are not this version's (\(expected.migrations.joined(separator: ", ")))")
        }
        if try Int32.fetchOne(db, sql: "PRAGMA application_id") != RecordsDatabase.applicationID {
            problems.append("schema: the database's application id is not Lantern's")
        }
        return problems
    }
}

/// Tables Lantern keeps from others (a cache), checked against what they derive from.
enum DerivedTablesCheck {
    static func verify(_ db: Database) throws -> [String] {
        var problems: [String] = []
        let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        if tables.contains("quiz_summary"), tables.contains("quiz_attempt") {
            let derived = """
                SELECT trainee_id, quiz_id, count(*), max(score), max(passed), max(submitted_at)
                FROM quiz_attempt GROUP BY trainee_id, quiz_id
                """
            let stored = "SELECT trainee_id, quiz_id, attempts, best_score, passed, last_submitted_at FROM quiz_summary"
            let extra = try Row.fetchAll(db, sql: "\(stored) EXCEPT \(derived) LIMIT 20")
            for row in extra {
                let trainee: String = row[0]
                let quiz: String = row[1]
                problems.append("quiz_summary row for trainee \(trainee), quiz \(quiz) does not match the attempts recorded")
            }
            let lacking = try Row.fetchAll(db, sql: "\(derived) EXCEPT \(stored) LIMIT 20")
            for row in lacking {
                let trainee: String = row[0]
                let quiz: String = row[1]
                if !extra.contains(where: { $0[0] == trainee && $0[1] == quiz }) {
                    problems.append("quiz_summary has no row matching the attempts of trainee \(trainee) at quiz \(quiz)")
                }
            }
        }
        return problems
    }
}
