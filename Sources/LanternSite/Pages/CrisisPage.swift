import LanternCurriculum

/// The crisis-resources page: every line from `crisis-resources.yml`, the region's first.
enum CrisisPage {
    static func context(workspace: Workspace) -> TemplateValue {
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
        let groups: [TemplateValue] = countries.map { country in
            let resources: [TemplateValue] = workspace.crisisResources.filter { $0.country == country }.map { resource in
                var entry: TemplateValue = [
                    "service": .string(resource.service), "contact": .string(resource.contact), "verified": .string(resource.verified),
                    "sourceDate": .string(resource.sourceDate),
                    "channels": .string(resource.channels.joined(separator: ", ")), "hasChannels": .bool(!resource.channels.isEmpty),
                ]
                if let liveChecked = resource.liveChecked { entry["liveChecked"] = .string(liveChecked) }
                if let hours = resource.hours { entry["hours"] = .string(hours) }
                if let url = resource.url, url.hasPrefix("https://") || url.hasPrefix("http://") { entry["url"] = .string(url) }
                return entry
            }
            return ["code": .string(country.lowercased()), "label": .string(countryName(country)), "resources": .list(resources)]
        }
        return ["groups": .list(groups)]
    }

    static func countryName(_ code: String) -> String {
        let names = ["US": "United States", "GB": "United Kingdom", "IE": "Ireland", "CA": "Canada", "AU": "Australia",
                     "NZ": "New Zealand", "ZA": "South Africa", "IN": "India", "DE": "Germany", "FR": "France"]
        return names[code] ?? code
    }
}
