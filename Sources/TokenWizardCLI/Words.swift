import CloudCore
import Foundation
import TerminalUI
import TokenService

/// The command line's sentences for the values `TokenService` returns (English).
enum Words {
    static func apiKeyProblem(_ error: APIKeyInputError) -> String {
        switch error {
        case .noSource:
            return "no API key: give --apikey-file FILE, set IBMCLOUD_API_KEY, or pipe the key on standard input."
        case .fileMissing(let path):
            return "no API key file at \(path.sanitizedForDisplay)."
        case .fileUnreadable(let path, let code):
            return "cannot read the API key file \(path.sanitizedForDisplay): \(String(cString: strerror(code)))."
        case .fileTooLarge(let path):
            return "\(path.sanitizedForDisplay) is too large to be an API key file (over \(APIKeyReader.maxBytes / 1024) KiB)."
        case .fileNotAKey(let path):
            return "\(path.sanitizedForDisplay) holds neither an API key JSON file (with an apikey field) nor a bare key on one line."
        case .empty(.file(let path)):
            return "the API key in \(path.sanitizedForDisplay) is empty."
        case .empty(.environment):
            return "IBMCLOUD_API_KEY is set but empty."
        case .notAKey(.environment):
            return "IBMCLOUD_API_KEY does not hold an API key (spaces or control characters inside, JSON, or over \(APIKeyReader.maxKeyLength) characters)."
        case .notAKey(.standardInput):
            return "standard input does not hold an API key (spaces or control characters inside, or over \(APIKeyReader.maxKeyLength) characters)."
        case .notAKey(.file(let path)):
            return "\(path.sanitizedForDisplay) does not hold an API key."
        case .emptyPath:
            return "--apikey-file was given an empty path."
        case .empty(.standardInput):
            return "standard input gave no API key (an empty line or no input)."
        }
    }

    static func fetchProblem(_ error: CloudError) -> String {
        let said = English().problem(error).trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        switch error {
        case .server(_, 407, _, _, _):
            return "no token: \(said). A proxy asks for credentials: put them in HTTPS_PROXY (http://user:password@host:port)."
        case .server(_, let status, _, _, _) where (400..<500).contains(status) && status != 429:
            return "IAM refused the API key (\(said)). Check that the key exists and is enabled: ibmcloud iam service-api-keys SERVICE_ID."
        case .server(_, let status, _, _, _):
            return "no token: \(said). IAM is busy or failing (HTTP \(status)); try again in a minute."
        case .invalidRequest(let problem):
            return English().input(problem)
        default:
            return "no token: \(said). Check the network or proxy (HTTPS_PROXY) and try again; IBMCLOUD_TRACE=true shows each call."
        }
    }

    static func cacheNote(_ note: CacheNote, directory: String) -> String {
        switch note {
        case .ignored(let problem):
            let why: String
            switch problem {
            case .corrupt: why = "it was damaged"
            case .otherKey: why = "it belonged to another key"
            case .expired: why = "its token had expired"
            case .fromTheFuture: why = "it was dated in the future (a clock set back, or an edited file)"
            case .unreadable(let code): why = "it could not be read (\(String(cString: strerror(code))))"
            case .insecure: why = "others could read it or it was not yours"
            }
            return "the cached token in \(directory) was ignored and replaced: \(why)."
        case .unusableNotReplaced(let problem):
            return cacheNote(.ignored(problem), directory: directory).replacingOccurrences(of: " and replaced", with: "")
        case .notSaved(let code):
            return "the token could not be cached in \(directory) (\(String(cString: strerror(code)))); the next call asks IAM again."
        case .lockTimedOut(let seconds):
            return "waited \(seconds) s for another token-wizard fetching the same token; fetched one without it."
        case .servedWhileIAMFailed(let secondsLeft):
            return "IAM could not give a new token; the cached one, valid for \(secondsLeft) s more, was printed."
        }
    }
}
