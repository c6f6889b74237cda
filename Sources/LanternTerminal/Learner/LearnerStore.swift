import LanternDiagnostics

/// Where the learner keeps a trainee's progress. `LanternApplication.LearnerRecords` keeps
/// it in the records database; tests may keep it in memory. Every call saves durably before it returns.
public protocol LearnerStore: AnyObject {
    /// The trainee's progress as the course map shows it.
    func progress() throws(LanternError) -> LearnerProgress
    /// The trainee opened a module.
    func moduleOpened(_ moduleID: String) throws(LanternError)
    /// The trainee spent `seconds` in a module, having read it to the end or not.
    func moduleRead(_ moduleID: String, seconds: Int, reachedEnd: Bool) throws(LanternError)
}
