import Foundation

/// The faults currently active in one emulator, consulted by `FaultMiddleware` and Key Protect.
final class FaultInjector: Sendable {
    private let active = Locked<[EmulatorFault]>([])
    private let clock: EmulatorClock

    init(clock: EmulatorClock) { self.clock = clock }

    func install(_ fault: EmulatorFault) { active.withLock { $0.append(fault) } }

    func clear() { active.withLock { $0.removeAll() } }

    var all: [EmulatorFault] { active.current }

    /// The first request fault matching `path`, consuming one use of it.
    func take(path: String) -> EmulatorFault.Kind? {
        active.withLock { faults in
            guard
                let index = faults.firstIndex(where: { fault in
                    if case .policyPropagationDelay = fault.kind { return false }
                    return fault.route == "*" || path.hasPrefix(fault.route)
                })
            else { return nil }
            let kind = faults[index].kind
            if let count = faults[index].count {
                if count <= 1 { faults.remove(at: index) } else { faults[index].count = count - 1 }
            }
            return kind
        }
    }

    /// Seconds during which a new policy is not yet honoured by Key Protect (0 if no such fault).
    var policyPropagationDelay: TimeInterval {
        active.current.reduce(0) { delay, fault in
            if case .policyPropagationDelay(let seconds) = fault.kind { return max(delay, TimeInterval(seconds)) }
            return delay
        }
    }
}
