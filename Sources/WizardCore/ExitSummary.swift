import CloudCore

/// One line of what the wizard leaves behind, printed after the terminal is restored: what exists
/// now and where things were saved; never a secret. The front end puts it into words.
public enum SummaryLine: Sendable, Hashable {
    /// The wizard created this service ID (name, ID).
    case createdServiceID(name: String, id: String)
    /// It gave the service ID this role on this instance.
    case gaveRole(role: String, instance: String?)
    /// The service ID API key was saved there (mode 0600).
    case savedAPIKey(path: String)
    /// The access token was saved there (mode 0600); it expires at this Unix time.
    case savedToken(path: String, expiration: Int)
    /// How to use the saved token (the path is quoted for a shell by the front end).
    case useToken(path: String)
    /// An API key was created but not saved: delete it (service ID name).
    case apiKeyNotSaved(serviceID: String?)
    /// A create was still running at the end; it may have completed.
    case createStillRunning
    /// A create's answer was lost; it may exist.
    case mayHaveBeenCreated(CreatedThing)
    /// The token is still on the clipboard.
    case tokenOnClipboard
    /// Nothing was created.
    case nothingCreated
}

extension WizardState {
    /// What to print at exit, in order.
    public var exitSummary: [SummaryLine] {
        var lines: [SummaryLine] = []
        if serviceIDWasCreated, let id = serviceID { lines.append(.createdServiceID(name: id.name, id: id.id)) }
        if policy != nil, let role { lines.append(.gaveRole(role: role.displayName, instance: instance?.name)) }
        if let path = apiKeySavedPath { lines.append(.savedAPIKey(path: path)) }
        if let path = tokenSavedPath, let token {
            lines.append(.savedToken(path: path, expiration: token.expiration))
            lines.append(.useToken(path: path))
        }
        if apiKey != nil && apiKeySavedPath == nil { lines.append(.apiKeyNotSaved(serviceID: serviceID?.name)) }
        if let request = inFlight {
            switch request.call {
            case .createServiceID, .createPolicy, .createAPIKey: lines.append(.createStillRunning)
            default: break
            }
        }
        if let uncertainCreate { lines.append(.mayHaveBeenCreated(uncertainCreate)) }
        if clipboardClearAt != nil { lines.append(.tokenOnClipboard) }
        if lines.isEmpty { lines.append(.nothingCreated) }
        return lines
    }
}
