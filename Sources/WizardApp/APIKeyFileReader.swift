import CloudCore
import Foundation

/// Reads an API key JSON file as the console, `ibmcloud iam api-key-create --file`,
/// `service-api-key-create --file` or Terraform write it: the `apikey` (or `Apikey`) field.
public enum APIKeyFileReader {
    /// Largest file read, in bytes: key files are small; anything bigger is not one.
    public static let maxBytes = 64 * 1024

    /// - Throws: ``SecretFileWriter/WriteError`` with a reason for the user (missing, unreadable,
    ///   too large, not JSON, no `apikey` field).
    public static func read(_ path: String) throws -> Secret {
        let expanded = (path as NSString).expandingTildeInPath
        guard let handle = FileHandle(forReadingAtPath: expanded) else {
            throw SecretFileWriter.WriteError(description: FileManager.default.fileExists(atPath: expanded)
                ? "cannot read it (permission denied)" : "no such file")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxBytes + 1)) ?? Data()
        guard data.count <= maxBytes else { throw SecretFileWriter.WriteError(description: "too large for an API key file") }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SecretFileWriter.WriteError(description: "not a JSON API key file")
        }
        for field in ["apikey", "Apikey", "apiKey"] {
            if let value = object[field] as? String, !value.isEmpty { return Secret(value) }
        }
        throw SecretFileWriter.WriteError(description: "the file has no apikey field")
    }
}
