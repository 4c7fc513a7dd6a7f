import Foundation

/// When and how long to wait before sending an idempotent request again.
///
/// Applies to 429, 5xx except 501, and transport failures (not TLS or bad-URL failures). A 429
/// (Too Many Requests) is retried for every call, creates (service ID, policy, API key) and the
/// one-time passcode grant included: it means the server did nothing, so sending again cannot make
/// a duplicate. Everything else is retried only for calls marked idempotent: every `GET` and the
/// IAM token `POST`s (apikey, password and refresh grants); a create that failed otherwise may
/// have happened and is never sent again here.
///
/// Each wait is reported to ``RetryWaitObserver/current`` (when set), and so is a retry given up
/// because its wait would not fit, so a user interface can show a countdown.
///
/// Delay before retry *n* (1-based) is `min(maxDelay, baseDelay × 2^(n-1))`, scaled by a random
/// factor in `[1 - jitter, 1]`; a `Retry-After` header (seconds or HTTP date) replaces it when
/// present (not capped). No retry starts if it would end after `maxTotalTime` seconds from the first attempt.
public struct RetryPolicy: Sendable {
    /// Attempts in total, including the first (4 = one try plus three retries). 1 disables retries.
    public var maxAttempts: Int
    /// First backoff, seconds.
    public var baseDelay: TimeInterval
    /// Largest single exponential backoff, seconds. (`Retry-After` is honoured as sent; when it does
    /// not fit in ``maxTotalTime`` the call fails instead of retrying early.)
    public var maxDelay: TimeInterval
    /// Give up when the next retry would start more than this many seconds after the first attempt.
    public var maxTotalTime: TimeInterval
    /// Fraction of each backoff that is random, 0…1.
    public var jitter: Double
    /// Sleeps for the given duration; injectable so tests do not wait. Throws on cancellation.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Returns a number in 0…1 for the jitter; injectable for deterministic tests.
    public var random: @Sendable () -> Double

    public init(
        maxAttempts: Int = 4,
        baseDelay: TimeInterval = 0.5,
        maxDelay: TimeInterval = 10,
        maxTotalTime: TimeInterval = 30,
        jitter: Double = 0.3,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.maxAttempts = max(1, maxAttempts); self.baseDelay = max(0, baseDelay); self.maxDelay = max(0, maxDelay)
        self.maxTotalTime = max(0, maxTotalTime); self.jitter = min(1, max(0, jitter)); self.sleep = sleep; self.random = random
    }

    /// The default: 4 attempts, 0.5 s doubling up to 10 s, 30 s in all, 30 % jitter.
    public static let standard = RetryPolicy()
    /// No retries.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The wait, in seconds, before retry number `retry` (1 = the first retry). `retryAfter` (seconds)
    /// from the server wins when given.
    public func delay(beforeRetry retry: Int, retryAfter: TimeInterval?) -> TimeInterval {
        if let retryAfter { return max(0, retryAfter) }
        let exponential = min(maxDelay, baseDelay * pow(2, Double(max(0, retry - 1))))
        let factor = 1 - jitter * min(1, max(0, random()))
        return exponential * factor
    }

    /// Parses a `Retry-After` value: delta seconds (`"3"`) or an HTTP date, relative to `now`.
    /// Nil when absent or unreadable.
    public static func parseRetryAfter(_ value: String?, now: Date = Date()) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds.isFinite { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: value) { return max(0, date.timeIntervalSince(now)) }
        }
        return nil
    }
}

/// A wait of the retry loop: one that is about to happen, or one given up on.
public struct RetryWait: Sendable, Hashable {
    /// The HTTP status that asked for it (429, 503, …), or nil after a transport failure.
    public var status: Int?
    /// Seconds to wait: the server's `Retry-After` when it sent one, otherwise the backoff.
    public var seconds: TimeInterval
    /// True when the server set the wait (`Retry-After`).
    public var fromServer: Bool
    /// True when the call is sent again after `seconds`; false when the retry loop gives up
    /// (no attempts left, or the wait would end after ``RetryPolicy/maxTotalTime``) and the error
    /// is thrown: `seconds` is then how long the caller should wait before trying again.
    public var willRetry: Bool

    /// A wait as the retry loop reports it (public so tests and other callers can make one).
    public init(status: Int?, seconds: TimeInterval, fromServer: Bool, willRetry: Bool) {
        self.status = status; self.seconds = seconds; self.fromServer = fromServer; self.willRetry = willRetry
    }
}

/// Where the retry loop reports its waits, for a countdown on screen. A task-local value, so the
/// clients' public options stay as they are: set it around a call with
/// `RetryWaitObserver.$current.withValue({ wait in … }) { try await client.… }`.
public enum RetryWaitObserver {
    /// Called (on the calling task) before each retry wait, and when a retry is given up; nil: nobody listens.
    @TaskLocal public static var current: (@Sendable (RetryWait) -> Void)?
}
