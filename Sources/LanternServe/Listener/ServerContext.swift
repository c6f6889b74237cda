import Foundation
import LanternApplication
import LanternRecords

/// What every connection and session of one server shares: the course (loaded once), the
/// records (one connection pool), the limits, the running sessions and the log.
final class ServerContext: Sendable {
    let course: Course
    let records: RecordsStore
    let configuration: ServeConfiguration
    let staffCommands: StaffCommandRunner
    let sessions = SessionRegistry()
    let throttle: EnrolmentThrottle
    let log: @Sendable (String) -> Void

    init(course: Course, records: RecordsStore, configuration: ServeConfiguration, staffCommands: StaffCommandRunner,
         log: @escaping @Sendable (String) -> Void) {
        self.course = course
        self.records = records
        self.configuration = configuration
        self.staffCommands = staffCommands
        self.throttle = EnrolmentThrottle(limit: configuration.failuresPerAddress, window: configuration.failureWindow)
        self.log = log
    }
}
