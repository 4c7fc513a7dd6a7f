import CloudCore
import Foundation
import WizardCore

/// Every sentence the front ends show, for one language. Each language is a type whose methods are
/// exhaustive `switch`es over the core's message values, so a message without a string in some
/// language does not compile. Server text, names and IDs are passed through as they are.
public protocol Strings: Sendable {
    /// Which language this is.
    var language: Language { get }

    /// One line for a failed IBM Cloud call: what went wrong, with the server's own words where it
    /// gave some (and the HTTP reason phrase where it gave none).
    func problem(_ error: CloudError) -> String
    /// A service's name, e.g. "IAM", "Key Protect".
    func service(_ service: CloudService) -> String
    /// Why no answer came.
    func transport(_ failure: TransportFailure) -> String
    /// What was wrong with an answer.
    func decoding(_ failure: DecodingFailure) -> String
    /// What was wrong before sending.
    func input(_ problem: InputProblem) -> String
    /// Why an endpoints file cannot be used.
    func endpoints(_ problem: EndpointsProblem, source: String) -> String

    /// One line of the summary printed at exit.
    func summary(_ line: SummaryLine) -> String

    /// One of the wizard core's sentences.
    func phrase(_ phrase: Phrase) -> String
    /// What the spinner says.
    func busy(_ reason: BusyReason) -> String
    /// A screen's title.
    func stepTitle(_ step: Step) -> String
    /// A step's short name in the step rail.
    func railLabel(_ step: Step) -> String
    /// A form field's label.
    func fieldLabel(_ label: FieldLabel) -> String
    /// The default description of a new service ID and API key, with `{instance}` for the
    /// instance name (sent to IBM Cloud as the description; the user can edit it).
    var descriptionTemplate: String { get }
    /// The comments of the script the plan saves.
    var planComments: PlanScript.Comments { get }
    /// An earlier run's choices on one line.
    func resumeSummary(_ summary: ResumeSummary) -> String

    /// The screen renderer's own words: headings, intros, labels, counts and key hints.
    func screen(_ text: ScreenText) -> String
    /// A help page behind `?`: a heading, then paragraphs (each wrapped to the window when drawn).
    func help(_ page: HelpPage) -> [String]
}

/// HTTP reason phrases (RFC 9110), shown when a server gives no message of its own. They are the
/// protocol's own words, the same in every language.
public enum HTTPReason {
    /// The reason phrase for `status`, e.g. 503 → "Service Unavailable"; "HTTP <status>" if unknown.
    public static func phrase(_ status: Int) -> String {
        let texts: [Int: String] = [
            300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
            307: "Temporary Redirect", 308: "Permanent Redirect",
            400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
            405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required", 408: "Request Timeout",
            409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed", 413: "Content Too Large",
            414: "URI Too Long", 415: "Unsupported Media Type", 422: "Unprocessable Content", 423: "Locked",
            428: "Precondition Required", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
            500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
            504: "Gateway Timeout", 505: "HTTP Version Not Supported",
        ]
        return texts[status] ?? "HTTP \(status)"
    }
}

extension Strings {
    /// A core ``Text`` in words: phrases from the table, problems as ``problem(_:)``, names as
    /// they are, joined parts separated by a space.
    public func text(_ text: Text) -> String {
        switch text {
        case .verbatim(let value): value
        case .phrase(let phrase): self.phrase(phrase)
        case .problem(let error): problem(error)
        case .joined(let parts): parts.map { self.text($0) }.filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    /// `2026-12-03T20:20:00Z` for a Unix time.
    func utc(_ unix: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(unix)))
    }
}
