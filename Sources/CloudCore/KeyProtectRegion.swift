/// A Key Protect region: its ID (as in Resource Controller `region_id`) and display name.
/// Source: Key Protect docs, regions.md (API reference §1.1). Public host: `<id>.kms.cloud.ibm.com`.
public struct KeyProtectRegion: Sendable, Hashable, Identifiable {
    /// Region ID, e.g. `us-south`.
    public var id: String
    /// Display name, e.g. `Dallas`.
    public var name: String
    public init(id: String, name: String) { self.id = id; self.name = name }

    /// Every public Key Protect region, in IBM's documented order.
    public static let all: [KeyProtectRegion] = [
        .init(id: "us-south", name: "Dallas"),
        .init(id: "us-east", name: "Washington DC"),
        .init(id: "eu-gb", name: "London"),
        .init(id: "eu-de", name: "Frankfurt"),
        .init(id: "au-syd", name: "Sydney"),
        .init(id: "jp-tok", name: "Tokyo"),
        .init(id: "jp-osa", name: "Osaka"),
        .init(id: "ca-tor", name: "Toronto"),
        .init(id: "br-sao", name: "São Paulo"),
        .init(id: "eu-es", name: "Madrid"),
        .init(id: "ca-mon", name: "Montreal"),
        .init(id: "in-che", name: "Chennai"),
        .init(id: "in-mum", name: "Mumbai"),
    ]

    /// The region with this ID, or a region named after the ID when it is not in the table.
    public static func named(_ id: String) -> KeyProtectRegion {
        all.first { $0.id == id } ?? KeyProtectRegion(id: id, name: id)
    }
}
