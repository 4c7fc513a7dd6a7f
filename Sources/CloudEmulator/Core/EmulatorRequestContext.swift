import Hummingbird

/// The request context of every emulator route: Hummingbird's core storage plus a way to drop
/// the connection (for the `drop` fault).
struct EmulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Closes the underlying connection without answering.
    let dropConnection: @Sendable () -> Void

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        let channel = source.channel
        self.dropConnection = { channel.close(promise: nil) }
    }
}
