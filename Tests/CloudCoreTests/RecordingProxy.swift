#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A forward HTTP proxy on 127.0.0.1 for tests. AsyncHTTPClient tunnels every proxied request with
/// CONNECT: a CONNECT to a host ending in `.proxied.test` is tunnelled to one upstream on loopback,
/// and the plain HTTP request lines passing through are recorded as `host:port METHOD path`; any
/// other CONNECT (e.g. `iam.cloud.ibm.com:443`) is recorded and refused with 403, so nothing ever
/// leaves the machine. Absolute-form requests are forwarded too. One thread per connection.
final class RecordingProxy: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let upstreamPort: Int
    private let lock = NSLock()
    private var lines: [String] = []

    /// Request lines seen so far, e.g. `GET http://iam.proxied.test:8080/v1/… HTTP/1.1`.
    var requestLines: [String] { lock.lock(); defer { lock.unlock() }; return lines }

    init(upstreamPort: Int) throws {
        self.upstreamPort = upstreamPort
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var one: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    func stop() { shutdown(listener, Int32(SHUT_RDWR)); close(listener) }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard var request = readHead(client), let headEnd = request.range(of: Data("\r\n\r\n".utf8)) else { return }
        let head = String(decoding: request[..<headEnd.lowerBound], as: UTF8.self)
        var headLines = head.components(separatedBy: "\r\n")
        let first = headLines.removeFirst()
        lock.lock(); lines.append(first); lock.unlock()
        let parts = first.split(separator: " ")
        if parts.count == 3, parts[0] == "CONNECT", parts[1].split(separator: ":").first?.hasSuffix(".proxied.test") == true {
            tunnel(client, target: String(parts[1]), pending: Data(request[headEnd.upperBound...]))
            return
        }
        guard parts.count == 3, parts[0] != "CONNECT", let url = URLComponents(string: String(parts[1])) else {
            send(client, Data("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
            return
        }
        // The body: as much as Content-Length says.
        var body = Data(request[headEnd.upperBound...])
        let length = headLines.first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        while body.count < length, let more = readSome(client) { body.append(more) }
        request = Data()
        let path = (url.percentEncodedPath.isEmpty ? "/" : url.percentEncodedPath) + (url.percentEncodedQuery.map { "?" + $0 } ?? "")
        let kept = headLines.filter { !$0.lowercased().hasPrefix("connection:") && !$0.lowercased().hasPrefix("proxy-") }
        let forwarded = (["\(parts[0]) \(path) HTTP/1.1"] + kept + ["Connection: close", "", ""]).joined(separator: "\r\n")

        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(upstream) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(upstreamPort).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            send(client, Data("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
            return
        }
        setsockopt(upstream, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        send(upstream, Data(forwarded.utf8) + body)
        while let chunk = readSome(upstream) { send(client, chunk) }
    }

    private func connectUpstream() -> Int32? {
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(upstreamPort).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected != 0 { close(upstream); return nil }
        return upstream
    }

    /// Relays bytes both ways until either side closes (or 20 s of silence), recording request lines.
    private func tunnel(_ client: Int32, target: String, pending: Data) {
        guard let upstream = connectUpstream() else {
            send(client, Data("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".utf8)); return
        }
        defer { close(upstream) }
        send(client, Data("HTTP/1.1 200 Connection Established\r\n\r\n".utf8))
        func record(_ data: Data) {
            for line in String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n") {
                let words = line.split(separator: " ")
                if words.count == 3, words[2] == "HTTP/1.1", ["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH"].contains(String(words[0])) {
                    lock.lock(); lines.append("\(target) \(words[0]) \(words[1])"); lock.unlock()
                }
            }
        }
        if !pending.isEmpty { record(pending); send(upstream, pending) }
        var fds = [pollfd(fd: client, events: Int16(POLLIN), revents: 0), pollfd(fd: upstream, events: Int16(POLLIN), revents: 0)]
        while poll(&fds, 2, 20_000) > 0 {
            if fds[0].revents != 0 {
                guard let data = readSome(client) else { return }
                record(data); send(upstream, data)
            }
            if fds[1].revents != 0 {
                guard let data = readSome(upstream) else { return }
                send(client, data)
            }
        }
    }

    private func readHead(_ fd: Int32) -> Data? {
        var data = Data()
        while data.range(of: Data("\r\n\r\n".utf8)) == nil {
            guard let more = readSome(fd), data.count < 1 << 20 else { return nil }
            data.append(more)
        }
        return data
    }

    private func readSome(_ fd: Int32) -> Data? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count > 0 ? Data(buffer[0..<count]) : nil
    }

    private func send(_ fd: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return }
                offset += sent
            }
        }
    }
}
