import CloudCore
import WizardCore

/// 한국어: 마법사가 보여 주는 모든 문장. IBM의 한국어 문서 용어(서비스 ID, 액세스 정책, API 키,
/// 리소스 그룹, 계정, 지역, 일회성 패스코드, 연합 ID)를 따릅니다.
public struct Korean: Strings {
    public init() {}
    public var language: Language { .korean }

    public func problem(_ error: CloudError) -> String {
        switch error {
        case .server(let service, let status, let code, let message, _):
            let codePart = code.isEmpty ? "" : " \(code)"
            return "\(self.service(service)) 응답 \(status)\(codePart): \(message.isEmpty ? HTTPReason.phrase(status) : message)"
        case .transport(let service, let failure):
            return "\(self.service(service))에 연결할 수 없습니다: \(transport(failure))"
        case .decoding(let service, let failure):
            return "\(self.service(service))의 응답을 읽을 수 없습니다: \(decoding(failure))"
        case .invalidRequest(let problem):
            return input(problem)
        }
    }

    public func service(_ service: CloudService) -> String {
        switch service {
        case .iam: "IAM"
        case .iamIdentity: "IAM Identity"
        case .iamPolicy: "IAM 정책 관리"
        case .accounts: "계정 서비스"
        case .resourceController: "Resource Controller"
        case .keyProtect: "Key Protect"
        }
    }

    public func transport(_ failure: TransportFailure) -> String {
        switch failure {
        case .timedOut(let seconds): "\(Int(seconds.rounded()))초 안에 응답이 없습니다"
        case .connectionRefused: "연결이 거부되었습니다"
        case .connectionReset: "응답이 오기 전에 연결이 끊겼습니다"
        case .hostNotFound: "호스트 이름을 찾을 수 없습니다"
        case .networkUnreachable: "네트워크나 호스트에 도달할 수 없습니다"
        case .tls(let detail): "TLS 오류: \(detail)"
        case .notHTTP: "HTTP 응답이 아닙니다"
        case .responseTooLarge(let limit): "응답이 \(limit)바이트보다 큽니다"
        case .unsupportedURL(let detail): "\(detail)(으)로 보낼 수 없습니다"
        case .other(let detail): detail
        }
    }

    public func decoding(_ failure: DecodingFailure) -> String {
        switch failure {
        case .notJSON: "본문이 JSON이 아닙니다"
        case .notJSONObject: "본문이 JSON 객체가 아닙니다"
        case .missingField(let path): "\(path) 값이 없습니다"
        case .notAnArray(let path): "\(path) 값이 배열이 아닙니다"
        case .notAnObject(let path): "\(path) 값이 객체가 아닙니다"
        case .unreadableToken(let part): "액세스 토큰을 IAM JWT로 읽을 수 없습니다(\(part))"
        case .nextPageNotURL: "다음 페이지 링크가 URL이 아닙니다"
        case .nextPageOtherHost(let host): "다음 페이지 링크가 다른 호스트(\(host.isEmpty ? "없음" : host))를 가리킵니다"
        case .nextPageLoop: "서버가 같은 다음 페이지 링크를 두 번 보냈습니다"
        case .tooManyPages(let limit): "페이지가 \(limit)개를 넘어 중단했습니다"
        }
    }

    public func input(_ problem: InputProblem) -> String {
        switch problem {
        case .emptyAPIKey: "API 키가 비어 있습니다."
        case .apiKeyLooksLikeJSON: "API 키가 { } 또는 \"로 시작하거나 끝납니다. JSON 파일 전체가 아니라 apikey 값만 붙여 넣으십시오."
        case .apiKeyHasInvisibleCharacters(let count):
            "API 키에 보이지 않는 문자(폭 없는 문자나 제어 문자)가 \(count)개 있습니다. IAM이 거부합니다."
        case .apiKeyTooLong(let limit): "API 키보다 깁니다(최대 \(limit)자)."
        case .emptyPasscode: "일회성 패스코드가 비어 있습니다."
        case .emptyIBMid: "IBMid가 비어 있습니다."
        case .emptyPassword: "비밀번호가 비어 있습니다."
        case .noRefreshToken: "이 로그인에는 새로 고침 토큰이 없습니다. 패스코드로 다시 로그인하십시오."
        case .badRegionID(let region): "“\(region)”은(는) us-south와 같은 지역 ID가 아닙니다."
        case .badInstanceGUID(let guid): "“\(guid)”은(는) Key Protect 인스턴스 GUID가 아닙니다."
        case .badKeyProtectURL(let url): "Key Protect 엔드포인트 “\(url)”이(가) URL이 아닙니다."
        case .unencodableBody(let detail): "요청을 인코딩할 수 없습니다: \(detail)"
        case .endpoints(let source, let problem): endpoints(problem, source: source)
        }
    }

    public func endpoints(_ problem: EndpointsProblem, source: String) -> String {
        switch problem {
        case .unreadable: "엔드포인트 파일 \(source)을(를) 읽을 수 없습니다"
        case .notJSONObject: "\(source): JSON 객체가 아닙니다"
        case .unknownKeys(let keys): "\(source): 알 수 없는 키 \(keys.joined(separator: ", ")). 허용되는 키: iam, accounts, resource_controller, key_protect"
        case .notAString(let key): "\(source): \(key) 값은 비어 있지 않은 문자열이어야 합니다"
        case .notAURL(let key, let value): "\(source): \(key) 값 “\(value)”은(는) 절대 URL이 아닙니다"
        case .hasCredentials(let key): "\(source): \(key) 값에 사용자 이름이나 비밀번호가 있으면 안 됩니다"
        case .hasQuery(let key): "\(source): \(key) 값에 쿼리나 프래그먼트가 있으면 안 됩니다"
        case .insecureHTTP(let key): "\(source): \(key) 값은 https를 사용해야 합니다(http는 127.0.0.1, localhost, ::1에만 허용)"
        case .notHTTPS(let key): "\(source): \(key) 값은 https URL이어야 합니다"
        case .noRegionPlaceholder: "\(source): key_protect 값에 {region}이 있어야 합니다"
        }
    }

    public func summary(_ line: SummaryLine) -> String {
        switch line {
        case .createdServiceID(let name, let id): "서비스 ID \(name)(\(id))을(를) 작성했습니다."
        case .gaveRole(let role, let instance): "\(instance ?? "인스턴스")에 대한 \(Korean.roleName(role)) 역할을 부여했습니다."
        case .savedAPIKey(let path): "서비스 ID API 키를 \(path)에 저장했습니다(모드 0600). 안전하게 보관하십시오."
        case .savedToken(let path, let expiration): "IAM 액세스 토큰을 \(path)에 저장했습니다(모드 0600). 만료 시각: \(utc(expiration))."
        case .useToken(let path): "사용 방법: Authorization: Bearer $(jq -r .access_token \(ShellQuoting.quote(path)))"
        case .apiKeyNotSaved(let serviceID):
            "경고: API 키를 작성했지만 저장하지 못했습니다. 콘솔에서 삭제한 후(서비스 ID \(serviceID ?? "?")의 API 키) 다시 실행하십시오."
        case .createStillRunning:
            "종료할 때 작성 요청이 아직 진행 중이었으므로 완료되었을 수 있습니다. 다시 실행하기 전에 계정을 확인하십시오."
        case .mayHaveBeenCreated(let what):
            "\(created([what]))이(가) 작성되었을 수 있습니다(응답이 유실됨). 다시 실행하기 전에 계정을 확인하십시오(ibmcloud iam service-ids)."
        case .tokenOnClipboard: "토큰이 아직 클립보드에 있습니다(1시간 동안 유효). 사용이 끝나면 다른 내용을 복사해 덮어쓰십시오."
        case .nothingCreated: "작성된 것이 없습니다."
        }
    }

    /// IBM's Korean console name for a Key Protect service role, with the English name that
    /// `ibmcloud … --roles` takes beside it, e.g. "독자(Reader)".
    public static func roleName(_ role: String) -> String {
        switch role {
        case "Manager": "관리자(Manager)"
        case "Writer": "작성자(Writer)"
        case "Reader": "독자(Reader)"
        case "ReaderPlus": "독자 플러스(ReaderPlus)"
        default: role
        }
    }
}
