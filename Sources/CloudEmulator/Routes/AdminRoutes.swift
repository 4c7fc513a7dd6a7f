import Foundation
import Hummingbird

/// Emulator control, not part of IBM Cloud (the server listens on 127.0.0.1 only):
/// - `POST /_emulator/faults` with a body `ROUTE=KIND[:ARG][@COUNT]` (or JSON `{"fault":"…"}`) installs a fault → 201
/// - `GET /_emulator/faults` → `{"faults":["…"]}`
/// - `DELETE /_emulator/faults` clears all faults → 204
/// - `GET /_emulator/requests` → `{"requests":{"POST /identity/token":3,…}}`: requests received per
///   `METHOD /path` since the start or the last `DELETE /_emulator/requests` (→ 204)
struct AdminRoutes {
    let core: EmulatorCore

    func register(on router: Router<EmulatorRequestContext>) {
        router.get("/_emulator/faults") { _, _ in Response.json(["faults": .array(core.faults.all.map { .string($0.description) })]) }
        router.delete("/_emulator/faults") { _, _ in
            core.faults.clear()
            return Response(status: .noContent)
        }
        router.get("/_emulator/requests") { _, _ in
            let counts = core.requestCounts.current
            return Response.json(.object([("requests", .object(counts.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))]))
        }
        router.delete("/_emulator/requests") { _, _ in
            core.requestCounts.withLock { $0.removeAll() }
            return Response(status: .noContent)
        }
        router.post("/_emulator/faults") { request, _ in
            let text = String(decoding: try await request.bodyData(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            var spec = text
            if text.hasPrefix("{"), let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                let fault = object["fault"] as? String
            {
                spec = fault
            }
            do {
                let fault = try EmulatorFault.parse(spec)
                core.faults.install(fault)
                return Response.json(["installed": .string(fault.description)], status: .created)
            } catch {
                return Response.json(["error": .string("\(error)")], status: .badRequest)
            }
        }
    }
}
