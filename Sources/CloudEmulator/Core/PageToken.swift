import Foundation

/// Opaque page tokens: base64url of a small JSON object (offset plus the original filters).
enum PageToken {
    static func encode(offset: Int, filters: [String: String]) -> String {
        var object = filters
        object["_offset"] = String(offset)
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return data.base64URLEncoded()
    }

    static func decode(_ token: String) -> (offset: Int, filters: [String: String])? {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64),
            var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: String],
            let offset = object.removeValue(forKey: "_offset").flatMap(Int.init), offset >= 0
        else { return nil }
        return (offset, object)
    }
}
