import CloudCore
import Foundation
import WizardCore

extension WizardEnvironment {
    /// The environment variable the API key field is prefilled from, as the IBM Cloud CLI reads it.
    public static let apiKeyVariable = "IBMCLOUD_API_KEY"

    /// This environment with what the wizard takes from the process environment `variables`:
    /// the API key from `IBMCLOUD_API_KEY` (when set and not blank) for the login screen, where it
    /// is masked like any key and never shown or logged. Not in the sandbox: a real key is never
    /// sent to the built-in emulator.
    public func applyingProcessEnvironment(_ variables: [String: String] = ProcessInfo.processInfo.environment) -> WizardEnvironment {
        var copy = self
        if sandbox == nil, let value = variables[Self.apiKeyVariable],
           !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            copy.apiKeyFromEnvironment = Secret(value)
        }
        return copy
    }
}
