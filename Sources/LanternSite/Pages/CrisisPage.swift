import LanternCurriculum

/// The crisis-resources page: every line from `crisis-resources.yml`, the region's first.
enum CrisisPage {
    static func context(workspace: Workspace) -> [String: Any] {
        let region = workspace.config.region
        var countries: [String] = []
        for resource in workspace.crisisResources where !countries.contains(resource.country) {
            countries.append(resource.country)
        }
        countries.sort { lhs, rhs in
            if lhs == region { return rhs != region }
            if rhs == region { return false }
            return lhs < rhs
        }
        let groups: [[String: Any]] = countries.map { country in
            let resources: [[String: Any]] = workspace.crisisResources.filter { $0.country == country }.map { resource in
                var entry: [String: Any] = [
                    "service": resource.service, "contact": resource.contact, "verified": resource.verified,
                    "channels": resource.channels.joined(separator: ", "), "hasChannels": !resource.channels.isEmpty,
                ]
                if let hours = resource.hours { entry["hours"] = hours }
                if let url = resource.url, url.hasPrefix("https://") || url.hasPrefix("http://") { entry["url"] = url }
                return entry
            }
            return ["code": country.lowercased(), "label": countryName(country), "resources": resources]
        }
        return ["groups": groups]
    }

    static func countryName(_ code: String) -> String {
        let names = ["US": "United States", "GB": "United Kingdom", "IE": "Ireland", "CA": "Canada", "AU": "Australia",
                     "NZ": "New Zealand", "ZA": "South Africa", "IN": "India", "DE": "Germany", "FR": "France"]
        return names[code] ?? code
    }
}
