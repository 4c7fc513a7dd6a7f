import WizardCore

extension Korean {
    public func screen(_ text: ScreenText) -> String {
        switch text {
        case .titleBar: "TokenWizard · IBM Cloud Key Protect 베어러 토큰"
        case .sandboxBadge: "샌드박스"
        case .planHeading: "검토한 뒤 작성"
        case .closeHelp: "아무 키나 누르면 도움말을 닫습니다"
        case .keys(let hints): keys(hints)

        case .makeWindowLarger: "창을 더 크게 해 주십시오."
        case .neededSize(let columns, let rows): "TokenWizard에는 \(columns)×\(rows)이(가) 필요합니다."
        case .currentSize(let columns, let rows): "현재 창은 \(columns)×\(rows)입니다."
        case .ctrlCQuits: "Ctrl-C를 누르면 종료합니다."

        case .sandboxIntro: "샌드박스: 이 컴퓨터의 IBM Cloud 에뮬레이터입니다(실제 계정에는 영향 없음)."
        case .notIBMCloud(let iam): "IBM Cloud가 아닙니다: 인증 정보를 \(iam)(으)로 보냅니다"
        case .endpointsFile(let path): "(\(path)에 지정됨)"
        case .sandboxKeyLabel: "샌드박스 API 키:"
        case .sandboxPageLabel: "패스코드 페이지:"
        case .loginTab(let method):
            switch method {
            case .apiKey: "API 키"
            case .passcode: "SSO: 일회성 패스코드"
            case .password: "IBMid 비밀번호"
            }
        case .passwordTabNote: "연합 ID(회사 SSO)에는 사용할 수 없습니다. 패스코드 탭을 사용하십시오. ↑/↓로 이동합니다."
        case .apiKeyFromEnvironment: "IBMCLOUD_API_KEY의 키입니다(숨김). Enter를 누르면 로그인하고 Ctrl-U를 누르면 지웁니다."
        case .apiKeyPrompt: "IBM Cloud API 키를 붙여 넣으십시오(`ibmcloud iam api-key-create` 또는 콘솔에서 작성)."
        case .alsoAccepted:
            "일회성 패스코드, API 키 파일의 경로, 콘솔에서 복사한 `ibmcloud login …` 명령 전체도 입력할 수 있습니다."
        case .passcodeOpenPage: "1. 브라우저에서 이 페이지를 열고 로그인하십시오(연합 ID / SSO):"
        case .passcodePageLookingUp: "(찾는 중…)"
        case .passcodeOpensInBrowser: "Ctrl-O를 누르면 브라우저에서 엽니다."
        case .passcodeShowsQRCode: "Ctrl-O를 누르면 QR 코드로 표시합니다. 휴대폰 카메라로 스캔하십시오."
        case .passcodePaste: "2. 페이지에 표시된 일회성 패스코드를 붙여 넣으십시오:"
        case .loginTargets(let account, let region, let group):
            "다음: " + [account.map { "계정 \($0)" }, region.map { "지역 \($0)" }, group.map { "리소스 그룹 \($0)" }]
                .compactMap { $0 }.joined(separator: ", ") + " (있으면 선택합니다)"
        case .hiddenCharacters(let count): "\(count)자, 숨김"
        case .resumeOffer: "로그인하면 지난번 실행을 이어서 진행합니다(Ctrl-N은 처음부터 시작):"

        case .qrHeading: "스캔하여 패스코드 페이지를 열고 로그인한 뒤 여기에 패스코드를 입력하십시오"
        case .qrNeedsLargerWindow(let columns, let rows): "QR 코드를 표시하려면 창이 더 커야 합니다(\(columns)×\(rows))."
        case .qrNeedsUTF8: "이 터미널은 QR 코드를 표시할 수 없습니다(로캘이 UTF-8이 아님)."
        case .qrOpenInstead(let page): "대신 아무 브라우저에서나 \(page)을(를) 여십시오."
        case .anyKeyReturns: "아무 키나 누르면 돌아갑니다."
        case .qrHelpBar: "아무 키나 누르면 패스코드 입력란으로 돌아갑니다"

        case .typeToFilter: "입력하여 필터링"
        case .filter(let filter): "필터: \(filter)"
        case .listCount(let shown, let total, let kind): "\(noun(kind)) \(total)개 중 \(shown)개"
        case .moreRows(let count): "(↑↓ 스크롤하면 \(count)개 더 있음)"
        case .nothingMatches: "일치하는 항목이 없습니다. Backspace로 필터를 바꾸십시오."
        case .regionIntro(let account): "계정: \(account). Key Protect 인스턴스가 있는 지역이 먼저 표시됩니다."
        case .resourceGroupIntro(let region): "지역: \(region). 계정의 기본 리소스 그룹이 미리 선택되어 있습니다."
        case .instanceIntro(let group, let region): "\(group) · \(region)의 Key Protect 인스턴스"
        case .serviceIDNotUnique: "서비스 ID의 이름은 고유하지 않습니다."
        case .roleIntro(let serviceID, let instance): "\(serviceID)의 액세스 정책, 대상: \(instance ?? "인스턴스")"

        case .serviceIDIntro: "서비스 ID는 프로그램이 사용하는 ID입니다. 용도에 맞는 이름을 지정하십시오."
        case .ownTokenOffer: "지금 본인용 토큰만 필요하십니까? Ctrl-O를 누르면 본인 토큰을 사용합니다(아무것도 작성하지 않음)."
        case .apiKeyIntro: "IBM Cloud는 새 키를 한 번만 보여 줍니다. TokenWizard가 먼저 저장합니다(모드 0600)."
        case .apiKeySaved(let path): "API 키를 \(path)에 저장했습니다"
        case .apiKeyNotSavedYet: "API 키가 작성되었지만 아직 저장되지 않았습니다."

        case .planNothingYet: "Enter를 누르기 전에는 아무것도 작성하지 않습니다."
        case .planCreating: "다음 순서로 작성합니다:"
        case .planLabel(let item):
            switch item {
            case .serviceID: "서비스 ID"
            case .accessPolicy: "액세스 정책"
            case .apiKey: "API 키"
            case .keyFile: "키 파일"
            case .tokenFile: "토큰 파일"
            }
        case .planCommands: "IBM Cloud CLI와 curl로 같은 작업을 하는 명령(s를 누르면 스크립트로 저장):"
        case .planCommandsSaved(let path): "같은 작업을 하는 명령(\(path)에 저장함):"

        case .doneLabel(let label):
            switch label {
            case .account: "계정:"
            case .identity: "ID:"
            case .access: "액세스:"
            case .serviceID: "서비스 ID:"
            case .role: "역할:"
            case .issued: "발급:"
            case .saved: "저장:"
            }
        case .ownIdentity(let iamID): "본인 사용자 토큰(\(iamID)), 서비스 ID 없음"
        case .ownAccess(let instance, let region): "본인의 역할, 인스턴스 \(instance)(\(region))"
        case .roleOn(let role, let instance, let region): "\(instance)(\(region))에 대한 \(role)"
        case .issued(let at, let expires, let secondsLeft):
            (at.map { "\($0) UTC · 만료 " } ?? "만료 ") + expires + " · "
                + (secondsLeft > 0 ? "\(secondsLeft / 60)분 \(secondsLeft % 60)초 남음" : "만료됨")
        case .savedToken(let path): "토큰 \(path)"
        case .savedKey(let path): "API 키 \(path)"
        case .tokenHidden(let count): "(\(count)자, v를 누르면 표시)"
        case .useAsHeader:
            "헤더로 사용하십시오:  Authorization: Bearer <token>   (h는 이 줄을, u는 Key Protect 키 목록 조회용 curl 명령을 복사합니다)"
        case .lasts(let minutes, let renewable):
            renewable ? "\(minutes)분 동안 유효합니다. r을 누르면 저장된 API 키로 새 토큰을 받습니다."
                : "\(minutes)분 동안 유효합니다. 새 토큰은 마법사를 다시 실행하여 받으십시오."
        case .tokenContinues(let path): "(전체 토큰은 \(path ?? "토큰 파일")에 있습니다. c로 복사하십시오)"
        case .testingToken: "Key Protect에서 토큰을 테스트하는 중…"
        case .testSucceeded(let count): "Key Protect가 토큰을 받아들였습니다: 키 \(count)개가 조회되었습니다."
        case .clipboardCountdown(let seconds): "\(seconds)초 뒤 클립보드를 지웁니다 · x 지금 지우기 · z 토큰 유지"

        case .automaticRetry(let seconds): "\(seconds)초 뒤 다시 보냅니다 · Enter 지금 보내기 · Esc 대기 중지"
        case .busyRetry(let seconds): "IBM Cloud가 혼잡합니다: \(seconds)초 뒤 다시 시도합니다…"
        }
    }

    func noun(_ kind: ListKind) -> String {
        switch kind {
        case .accounts: "계정"
        case .regions: "지역"
        case .resourceGroups: "리소스 그룹"
        case .instances: "인스턴스"
        case .choices: "선택 항목"
        case .roles: "역할"
        }
    }

    func keys(_ hints: KeyHints) -> String {
        switch hints {
        case .busy: "처리 중… · Esc 취소(조회만) · Ctrl-C 종료"
        case .login: "Enter 로그인 · Tab API 키/패스코드/비밀번호 · Ctrl-U 지우기 · Ctrl-C 종료"
        case .list: "↑↓ 이동 · 입력하여 필터링 · Enter 선택 · Esc 뒤로 · ? 도움말 · Ctrl-C 종료"
        case .serviceIDChoice: "↑↓ 이동 · Enter 선택 · Esc 뒤로 · Ctrl-C 종료"
        case .serviceIDForm: "Tab 다음 필드 · Enter 다음/작성 · Ctrl-O 본인 토큰 · Esc 뒤로 · Ctrl-C 종료"
        case .planConfirm: "Enter 모두 작성 · s 스크립트로 저장 · Esc 뒤로 · ? 도움말 · Ctrl-C 종료"
        case .retry: "Enter 다시 시도 · Ctrl-C 종료"
        case .apiKeyForm: "Tab 다음 필드 · Enter 다음/검토 · Esc 뒤로 · Ctrl-C 종료"
        case .doneOwnToken: "c Bearer 복사 · t 토큰 복사 · v 표시 · k 테스트 · ? 도움말 · q 종료"
        case .done: "c Bearer 복사 · t 토큰 복사 · v 표시 · k 테스트 · r 갱신 · ? 도움말 · q 종료"
        }
    }

    public func help(_ page: HelpPage) -> [String] {
        switch page {
        case .plan:
            ["검토한 뒤 작성",
             "아직 계정에는 아무것도 없습니다. Enter를 누르면 서비스 ID(재사용하지 않는 경우), 액세스 정책, API 키를 작성하고 키를 저장(0600)한 뒤 토큰을 받습니다.",
             "s를 누르면 같은 단계를 ibmcloud 및 curl 명령으로 스크립트에 저장합니다(시크릿은 포함하지 않음).",
             "이름, 경로 또는 역할을 바꾸려면 Esc로 돌아가십시오."]
        case .ownToken:
            ["본인 토큰",
             "Authorization: Bearer <token> 헤더와 bluemix-instance: <GUID> 헤더로 보내십시오.",
             "한 시간 동안 유효합니다. 새 토큰은 마법사를 다시 실행하여 받으십시오. k로 테스트합니다.",
             "c는 \"Bearer <token>\"을(OSC 52), t는 토큰만, h는 헤더 줄을, u는 Key Protect 키 목록 조회용 curl 명령을 복사합니다. v는 토큰을 화면에 표시합니다.",
             "같은 명령: ibmcloud iam oauth-tokens"]
        case .step(let step):
            switch step {
            case .login:
                ["로그인",
                 "API 키 또는 SSO: 패스코드 페이지를 열고 로그인한 뒤 일회성 패스코드를 붙여 넣으십시오.",
                 "또는 IBMid와 비밀번호(연합 ID 제외), 요청되면 TOTP 코드도 입력하십시오.",
                 "같은 명령: ibmcloud login --apikey KEY  ·  --sso  ·  -u IBMID"]
            case .account:
                ["계정",
                 "Key Protect 인스턴스가 있는 IBM Cloud 계정입니다. 세션은 이 계정으로 범위가 지정됩니다(account=<id>를 사용한 IAM refresh_token 권한 부여).",
                 "이름이나 계정 ID를 입력하여 필터링하고 Enter로 선택하십시오.",
                 "같은 명령: ibmcloud target -c ACCOUNT_ID"]
            case .region:
                ["지역",
                 "Key Protect 인스턴스가 실행되는 곳입니다: https://<region>.kms.cloud.ibm.com.",
                 "이 계정에 인스턴스가 있는 지역이 개수와 함께 먼저 표시됩니다.",
                 "같은 명령: ibmcloud target -r REGION"]
            case .resourceGroup:
                ["리소스 그룹",
                 "리소스 그룹은 계정의 리소스를 정리합니다. 기본 리소스 그룹이 미리 선택되어 있으며, 각 줄에는 선택한 지역에 있는 Key Protect 인스턴스의 개수가 표시됩니다.",
                 "같은 명령: ibmcloud target -g GROUP"]
            case .instance:
                ["Key Protect 인스턴스",
                 "프로그램이 키를 사용할 인스턴스입니다. 인스턴스의 GUID는 Key Protect 호출의 bluemix-instance 헤더입니다. 이름이나 GUID를 입력하여 필터링하십시오.",
                 "같은 명령: ibmcloud resource service-instance NAME --id"]
            case .serviceID:
                ["서비스 ID",
                 "사람이 아닌 프로그램을 위한 ID입니다. IBM Cloud에서 이름은 고유하지 않으므로, 같은 이름의 서비스 ID가 있으면 재사용하거나 새로 작성할 수 있습니다.",
                 "같은 명령: ibmcloud iam service-id-create NAME -d DESCRIPTION"]
            case .role:
                ["Key Protect 역할",
                 "액세스 정책은 선택한 인스턴스에 대해서만 서비스 ID에 이 역할을 부여합니다.",
                 "Reader: 키 목록 조회, 랩/언랩. 키 자료는 볼 수 없습니다. Writer: 작성과 순환도 가능합니다.",
                 "Manager: 키 삭제와 정책 변경을 포함한 모든 작업이 가능합니다.",
                 "같은 명령: ibmcloud iam service-policy-create SERVICE_ID --roles Reader --service-name kms --service-instance INSTANCE_GUID"]
            case .apiKey:
                ["서비스 ID API 키",
                 "IBM Cloud는 새 키의 값을 한 번만 보여 줍니다. TokenWizard는 다른 작업보다 먼저 키를 저장(0600)한 뒤 IAM 액세스 토큰으로 교환하여 token.json으로 저장합니다.",
                 "같은 명령: ibmcloud iam service-api-key-create NAME SERVICE_ID --file FILE"]
            case .token, .done:
                ["토큰",
                 "Authorization: Bearer <token> 헤더와 bluemix-instance: <GUID> 헤더로 보내십시오.",
                 "한 시간 동안 유효합니다. r을 누르면 저장된 키로 새 토큰을 받고, k로 테스트합니다.",
                 "c는 \"Bearer <token>\"을(OSC 52), t는 토큰만, h는 헤더 줄을, u는 Key Protect 키 목록 조회용 curl 명령을 복사합니다. v는 토큰을 화면에 표시합니다.",
                 "같은 명령: curl -X POST https://iam.cloud.ibm.com/identity/token -d grant_type=urn:ibm:params:oauth:grant-type:apikey -d apikey=KEY"]
            }
        }
    }
}
