import CloudCore
import Foundation
import Synchronization
import TerminalUI
import WizardCore

/// Events posted from effect tasks to the UI loop.
final class EventQueue: Sendable {
    private let events = Mutex<[WizardEvent]>([])
    func post(_ event: WizardEvent) { events.withLock { $0.append(event) } }
    func drain() -> [WizardEvent] { events.withLock { queue in defer { queue.removeAll() }; return queue } }
}

/// The loop that joins state machine, terminal and effect runner: draw, read input, apply events,
/// start effects as tasks, repeat until the wizard finishes. All terminal calls stay on the calling
/// thread; effects run concurrently and post their results back.
public final class WizardRuntime {
    private let terminal: any TerminalDevice
    private let runner: EffectRunner
    private let clock: @Sendable () -> Double
    private let queue = EventQueue()
    private var tasks: [Task<Void, Never>] = []
    public private(set) var state: WizardState
    private let checkpoints: CheckpointStore?
    private var lastCheckpoint: Checkpoint?
    private let strings: any Strings

    /// - Parameters:
    ///   - clock: Unix time in seconds; injected so tests control time.
    ///   - checkpoints: where the resume checkpoint is kept after each step (nil: none).
    ///   - strings: the language of the screens (English by default).
    public init(terminal: any TerminalDevice, runner: EffectRunner, environment: WizardEnvironment,
                checkpoints: CheckpointStore? = nil, strings: any Strings = English(),
                clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        self.checkpoints = checkpoints
        self.strings = strings
        self.terminal = terminal
        self.runner = runner
        self.clock = clock
        self.state = WizardState(environment: environment)
        self.state.now = clock()
    }

    /// Runs until the user quits or finishes; returns the final state.
    @discardableResult
    public func run() -> WizardState {
        apply(.started)
        var lastFrame: Frame?
        while !state.isFinished {
            let frame = ScreenRenderer.render(state, size: terminal.size, strings: strings)
            if frame != lastFrame {
                terminal.draw(frame)
                lastFrame = frame
            }
            if let input = terminal.readInput(timeout: 40), !ignoredWhileTooSmall(input) {
                switch input {
                case .key(let key): apply(.keyPressed(key))
                case .paste(let text): apply(.pasted(text))
                case .resized: lastFrame = nil
                case .closed: apply(.terminalClosed)
                }
            }
            for event in queue.drain() { apply(event) }
            apply(.ticked(now: clock()))
            checkpoints?.update(from: state, last: &lastCheckpoint)
        }
        waitForPendingSaves()
        return state
    }

    /// While the window is too small nothing is shown, so nothing may be typed or chosen blind:
    /// only Ctrl-C (quit), resizes and hang-ups count, as the "make the window larger" screen says.
    func ignoredWhileTooSmall(_ input: TerminalInput) -> Bool {
        let size = terminal.size
        guard size.columns < Size.minimum.columns || size.rows < Size.minimum.rows else { return false }
        return input != .key(.control("c")) && input != .resized && input != .closed
    }

    /// Applies one event and starts its effects.
    public func apply(_ event: WizardEvent) {
        for effect in Wizard.handle(event, in: &state) {
            switch effect {
            case .perform(let request):
                let runner = self.runner
                let queue = self.queue
                tasks.removeAll { $0.isCancelled }
                tasks.append(Task.detached {
                    let result = await runner.perform(request.call) { wait in queue.post(.retryWaiting(request.id, wait)) }
                    queue.post(.responded(request.id, result))
                })
            case .copyToClipboard(let secret):
                apply(.copied(method: terminal.copyToClipboard(secret.exposedValue)))
            case .quit:
                break
            }
        }
    }

    /// On quit, an API key create or save already started is allowed to finish (bounded to 10 s),
    /// and a key that arrives is saved, so the one-time API key is never lost or half-written.
    private func waitForPendingSaves() {
        guard let request = state.inFlight else { return }
        switch request.call {
        case .saveAPIKey, .createAPIKey:
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                for event in queue.drain() { apply(event) }
                if state.inFlight == nil { return }
                Thread.sleep(forTimeInterval: 0.02)
            }
        default:
            return
        }
    }
}
