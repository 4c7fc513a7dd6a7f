import Foundation

/// The emulator's notion of "now", injectable so tests can move time instead of sleeping.
///
/// A clock created with `EmulatorClock()` follows the system time. `advance(by:)` shifts it forward,
/// which expires tokens (`exp`), passcodes and refresh tokens without waiting. A clock created with
/// `EmulatorClock(fixed:)` stands still at the given instant until advanced.
public final class EmulatorClock: Sendable {
    private enum Mode: Sendable {
        case system(offset: TimeInterval)
        case fixed(Date)
    }

    private let mode: Locked<Mode>

    /// A clock that follows the system time.
    public init() { mode = Locked(.system(offset: 0)) }

    /// A clock that stands still at `date` until `advance(by:)` is called.
    public init(fixed date: Date) { mode = Locked(.fixed(date)) }

    /// The current emulated time.
    public var now: Date {
        mode.withLock { mode in
            switch mode {
            case .system(let offset): Date().addingTimeInterval(offset)
            case .fixed(let date): date
            }
        }
    }

    /// The current emulated time in whole Unix seconds (the unit of JWT `iat`/`exp`).
    public var unixSeconds: Int { Int(now.timeIntervalSince1970) }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        mode.withLock { mode in
            switch mode {
            case .system(let offset): mode = .system(offset: offset + seconds)
            case .fixed(let date): mode = .fixed(date.addingTimeInterval(seconds))
            }
        }
    }
}
