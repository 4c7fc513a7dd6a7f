/// A credential (API key, passcode, access or refresh token, password) that never prints itself.
///
/// `description`, `debugDescription`, string interpolation and `dump` all show `<redacted>`; the value
/// is read only through ``exposedValue`` at the one place that must send or save it. Not for
/// non-secret identifiers such as IAM IDs or account GUIDs.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The secret text itself. Read it only to put it on the wire or into a 0600 file.
    public let exposedValue: String

    /// Wraps `value`; nothing about it is printed from now on.
    public init(_ value: String) { self.exposedValue = value }

    /// True when the secret is the empty string.
    public var isEmpty: Bool { exposedValue.isEmpty }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "Secret(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
