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
        let object = try readObject(path)
        for field in ["apikey", "Apikey", "apiKey"] {
            if let value = object[field] as? String, !value.isEmpty { return Secret(value) }
        }
        throw SecretFileWriter.WriteError(description: "the file has no apikey field")
    }

    /// Reads a key file this wizard saved (the shape `ibmcloud iam service-api-key-create --file`
    /// writes, see ``SecretFileWriter/apiKeyFileContents(_:)``) back into a ``ServiceAPIKey``, for a
    /// run that carries on after the key was saved.
    /// - Throws: ``SecretFileWriter/WriteError`` as ``read(_:)`` does, and when the file's `iam_id`
    ///   is missing or is not `serviceIAMID` (a key of another service ID is never used).
    public static func readSaved(_ path: String, serviceIAMID: String) throws -> ServiceAPIKey {
        let object = try readObject(path)
        guard let value = object["apikey"] as? String, !value.isEmpty else {
            throw SecretFileWriter.WriteError(description: "the file has no apikey field")
        }
        guard let iamID = object["iam_id"] as? String, !iamID.isEmpty else {
            throw SecretFileWriter.WriteError(description: "the file does not say which service ID the key is for (no iam_id)")
        }
        guard iamID == serviceIAMID else {
            throw SecretFileWriter.WriteError(description: "the key is for \(iamID), not for the service ID \(serviceIAMID)")
        }
        let text = { (name: String) in object[name] as? String ?? "" }
        return ServiceAPIKey(id: text("id").isEmpty ? text("uuid") : text("id"), name: text("name"), description: text("description"),
            apiKey: Secret(value), iamID: iamID, accountID: text("account_id"), crn: text("crn"),
            createdAt: text("createdAt"), locked: object["locked"] as? Bool ?? false)
    }

    static func readObject(_ path: String) throws -> [String: Any] {
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
        return object
    }
}
