import Foundation

/// A loaded workspace: configuration, program, modules and assessment sources, immutable.
public struct Workspace: Sendable {
    /// The folder that holds `lantern.yml`.
    public var root: URL
    /// How the root is shown in diagnostics ("" for the current directory).
    public var displayRoot: String
    public var config: WorkspaceConfig
    public var program: Program?
    /// Modules in program order, then modules that no program lists.
    public var modules: [Module]
    public var assessments: [AssessmentSource]
    public var crisisResources: [CrisisResource]
    /// Trainers' guides, one per module that has one (`curriculum/facilitator/`); never shown to learners.
    public var facilitatorGuides: [FacilitatorGuide] = []

    public func module(_ id: String) -> Module? {
        modules.first { $0.id == id }
    }

    /// The facilitator guide of a module, if it has one.
    public func facilitatorGuide(_ moduleID: String) -> FacilitatorGuide? {
        facilitatorGuides.first { $0.moduleID == moduleID }
    }

    public func assessment(_ id: String) -> AssessmentSource? {
        assessments.first { $0.id == id }
    }

    /// Crisis resources for the workspace's region (all of them when no region is set).
    public var localCrisisResources: [CrisisResource] {
        guard let region = config.region else { return crisisResources }
        return crisisResources.filter { $0.country == region }
    }
}
