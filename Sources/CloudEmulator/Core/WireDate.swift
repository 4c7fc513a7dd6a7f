import Foundation

/// Date formats used on the wire.
enum WireDate {
    /// `2024-01-01T00:00:00.000Z` (Resource Controller, Resource Manager, accounts, policies).
    static func milliseconds(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// `2024-01-01T00:00:00Z` (Key Protect).
    static func seconds(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// `2024-01-01T00:00+0000` (IAM Identity: service IDs and API keys).
    static func identity(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mmZ"
        return formatter.string(from: date)
    }
}
