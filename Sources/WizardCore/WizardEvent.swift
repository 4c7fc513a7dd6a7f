import CloudCore

/// Everything that can happen to the wizard.
public enum WizardEvent: Sendable, Hashable {
    /// The program started; the wizard may ask for its first calls.
    case started
    case keyPressed(Key)
    /// Text pasted in one go (bracketed paste); inserted into the focused field only.
    case pasted(String)
    /// Time passed; `now` is Unix time in seconds. Drives the spinner and the expiry countdown.
    case ticked(now: Double)
    /// The call `RequestID` waits before it is sent again (`willRetry`), or its retries were given
    /// up and the failure follows (`seconds` is then how long the server asked to wait).
    case retryWaiting(RequestID, RetryWait)
    /// A call finished.
    case responded(RequestID, Result<CallOutput, CallFailure>)
    /// The terminal went away: finish what must be finished (a key being created is saved) and quit.
    case terminalClosed
    /// The clipboard answered: the name of what worked (e.g. "OSC 52"), or nil when nothing did.
    case copied(method: String?)
}
