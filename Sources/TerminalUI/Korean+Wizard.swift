import CloudCore
import WizardCore

/// 한국어: 마법사 화면의 문장. IBM의 한국어 문서 「액세스 토큰 검색」의 용어(서비스 ID, 액세스 정책,
/// API 키, 리소스 그룹, 계정, 지역, 일회성 패스코드, 연합 ID, 작성)를 따릅니다.
extension Korean {
    public func resumeSummary(_ s: ResumeSummary) -> String {
        ([s.account, s.region, s.instance, s.serviceID.map { "서비스 ID \($0)" }, s.role.map(Korean.roleName),
          s.keySaved ? "API 키 저장됨" : nil].compactMap { $0 }).joined(separator: " · ")
    }

    public func stepTitle(_ step: Step) -> String {
        switch step {
        case .login: "IBM Cloud에 로그인"
        case .account: "계정 선택"
        case .region: "지역 선택"
        case .resourceGroup: "리소스 그룹 선택"
        case .instance: "Key Protect 인스턴스 선택"
        case .serviceID: "서비스 ID"
        case .role: "서비스 ID의 Key Protect 역할"
        case .apiKey: "서비스 ID API 키"
        case .token: "IAM 액세스 토큰"
        case .done: "Key Protect 베어러 토큰"
        }
    }

    public func railLabel(_ step: Step) -> String {
        switch step {
        case .login: "로그인"
        case .account: "계정"
        case .region: "지역"
        case .resourceGroup: "그룹"
        case .instance: "인스턴스"
        case .serviceID: "서비스 ID"
        case .role: "역할"
        case .apiKey: "API 키"
        case .token: "토큰"
        case .done: "완료"
        }
    }

    public func fieldLabel(_ label: FieldLabel) -> String {
        switch label {
        case .apiKey: "API 키"
        case .passcode: "일회성 패스코드"
        case .ibmid: "IBMid"
        case .password: "비밀번호"
        case .securityCode: "보안 코드"
        case .name: "이름"
        case .description: "설명"
        case .keyPath: "키 저장 위치"
        case .tokenPath: "토큰 저장 위치"
        }
    }

    public var descriptionTemplate: String { "TokenWizard가 작성한 {instance} Key Protect 액세스" }

    public var planComments: PlanScript.Comments {
        PlanScript.Comments(
            header: [
                "TokenWizard가 하는 일을 IBM Cloud CLI와 curl 명령으로 적은 것입니다(IBM Cloud 문서:",
                "Key Protect \"액세스 토큰 검색\"). 여기에는 비밀 정보가 없습니다. API 키와 토큰은",
                "각 파일에서 읽습니다(jq 필요).",
            ],
            umask: "키 파일과 토큰 파일은 본인만 읽을 수 있습니다(0600)",
            login: "로그인하고 계정, 지역, 리소스 그룹을 대상으로 지정합니다",
            createServiceID: "서비스 ID를 작성합니다",
            grantRole: "인스턴스에 대한 Key Protect 역할을 서비스 ID에 부여합니다",
            createAPIKey: "서비스 ID의 API 키를 작성하고 저장합니다(한 번만 표시됩니다)",
            exchange: "API 키를 IAM 액세스 토큰으로 교환합니다(1시간 동안 유효)",
            useToken: "토큰 사용: Key Protect 키 나열")
    }

    func created(_ things: [CreatedThing]) -> String {
        things.map { thing -> String in
            switch thing {
            case .serviceID(let name): "서비스 ID \(name)"
            case .accessPolicy: "해당 액세스 정책"
            case .apiKey(let name): name.map { "API 키 \($0)" } ?? "API 키"
            }
        }.joined(separator: ", ")
    }

    func copyTarget(_ target: CopyTarget) -> String {
        switch target {
        case .bearer: "“Bearer <token>”"
        case .bareToken: "토큰 값만"
        case .headerLine: "Authorization 헤더 행"
        case .curlLine: "Key Protect 키 목록 curl 명령"
        }
    }

    func named(_ thing: NamedThing) -> String {
        switch thing {
        case .serviceID: "서비스 ID"
        case .apiKey: "API 키"
        }
    }

    func wait(_ seconds: Int) -> String {
        if seconds < 120 { return "\(seconds)초" }
        if seconds < 7200 { return "\((seconds + 59) / 60)분" }
        return "\((seconds + 3599) / 3600)시간"
    }

    public func busy(_ reason: BusyReason) -> String {
        switch reason {
        case .findingPasscodePage: "패스코드 페이지를 찾는 중…"
        case .openingBrowser: "브라우저에서 패스코드 페이지를 여는 중…"
        case .drawingQRCode: "QR 코드를 그리는 중…"
        case .loggingIn: "로그인하는 중…"
        case .loggingInWithAPIKey: "API 키로 로그인하는 중…"
        case .loggingInWithPasscode: "패스코드로 로그인하는 중…"
        case .loggingInWithIBMid: "IBMid로 로그인하는 중…"
        case .loggingInWithKeyFile: "파일의 API 키로 로그인하는 중…"
        case .readingKeyFile: "API 키 파일을 읽는 중…"
        case .readingSavedKey: "이전 실행이 저장한 API 키를 읽는 중…"
        case .checkingSavePaths: "키와 토큰의 저장 위치를 확인하는 중…"
        case .switchingAccount(let name): name.map { "\($0)(으)로 전환하는 중…" } ?? "계정을 전환하는 중…"
        case .loadingAccounts: "계정을 불러오는 중…"
        case .loadingInstances: "Key Protect 인스턴스를 불러오는 중…"
        case .loadingResourceGroups: "리소스 그룹을 불러오는 중…"
        case .lookingForServiceIDs(let name): name.map { "이름이 \($0)인 서비스 ID를 찾는 중…" } ?? "이 이름의 서비스 ID를 찾는 중…"
        case .creatingServiceID: "서비스 ID를 작성하는 중…"
        case .loadingRoles: "Key Protect 역할을 불러오는 중…"
        case .grantingRole(let role):
            role.map { "서비스 ID에 \(Korean.roleName($0)) 역할을 부여하는 중…" } ?? "서비스 ID에 액세스 정책을 지정하는 중…"
        case .creatingAPIKey: "API 키를 작성하는 중…"
        case .checkingAPIKeys: "서비스 ID의 API 키를 확인하는 중…"
        case .deletingLostAPIKey: "API 키가 작성되었지만 응답이 유실되었습니다. 삭제하는 중…"
        case .deletingCreated: "작성한 것을 삭제하는 중…"
        case .savingAPIKey: "API 키를 저장하는 중…"
        case .exchangingAPIKey: "API 키를 IAM 액세스 토큰으로 교환하는 중…"
        case .exchangingSavedKey: "저장된 API 키를 IAM 액세스 토큰으로 교환하는 중…"
        case .savingToken: "토큰을 저장하는 중…"
        case .savingOwnToken: "본인의 토큰을 저장하는 중…"
        case .savingScript: "명령을 저장하는 중…"
        case .testingToken(let attempt):
            attempt <= 1 ? "토큰 테스트 중: Key Protect 키 나열…" : "다시 테스트하는 중(\(attempt)번째 시도)…"
        case .renewingSession: "로그인이 만료되어 갱신하는 중…"
        case .checkingLostServiceID: "서비스 ID가 작성되었는지 확인하는 중…"
        case .checkingLostAPIKey: "API 키가 작성되었는지 확인하는 중…"
        case .refreshingToken: "저장된 API 키로 새 토큰을 받는 중…"
        case .finishingKeySave: "마무리 중: API 키를 받고 있습니다. 저장한 후 TokenWizard가 종료됩니다."
        }
    }

    func pathReason(_ path: String, _ reason: PathReason) -> String {
        switch reason {
        case .sameFile: "키와 토큰은 서로 다른 파일에 저장해야 합니다."
        case .exists: "\(path)이(가) 이미 있으며 덮어쓰지 않습니다."
        case .isFolder: "\(path)은(는) 폴더입니다."
        case .notAnEarlierTokenFile: "\(path)이(가) 있으며 이전 토큰 파일이 아니므로 바꾸지 않습니다."
        case .danglingLink(let target): "\(path)은(는) 없는 파일 \(target)에 대한 심볼릭 링크이므로 따라가지 않습니다."
        case .folderIsAFile(let folder): "\(folder)은(는) 폴더가 아니라 파일입니다."
        case .folderNotWritable(let folder): "\(folder)에 쓸 수 없습니다(권한 거부 또는 읽기 전용)."
        }
    }

    func resumeProblem(_ problem: ResumeProblem) -> String {
        switch problem {
        case .otherAccount(let last, let now): "이전 실행은 \(last) 계정에서 했지만 이 API 키는 \(now) 계정용입니다."
        case .accountNotVisible(let account): "이 로그인으로는 \(account) 계정을 볼 수 없습니다."
        case .regionNotOffered(let region): "\(region) 지역이 제공되지 않습니다."
        case .resourceGroupGone: "리소스 그룹이 없어졌습니다."
        case .instanceGone(let name): "Key Protect 인스턴스 \(name)이(가) 없어졌습니다."
        }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    public func phrase(_ phrase: Phrase) -> String {
        switch phrase {
        case .busy(let reason): busy(reason)
        case .cancelled: "취소했습니다."
        case .pressEnterToRetryOrEsc: "Enter로 다시 시도하거나 Esc로 돌아가십시오."
        case .pressEnterToRetry: "Enter로 다시 시도하십시오."
        case .loginMayHaveExpired: "로그인이 만료되었을 수 있습니다. Enter로 다시 시도하고, 또 실패하면 종료 후 다시 로그인하십시오."
        case .requestID(let id): "(요청 ID \(id))"
        case .unexpectedAnswer(let reason): "예상하지 못한 응답: \(busy(reason))"

        case .enterAPIKeyFirst: "먼저 API 키를 입력하십시오."
        case .enterAPIKeyFirstHint: "붙여 넣거나, Tab을 눌러 일회성 패스코드로 로그인하십시오."
        case .enterPasscodeFirst: "먼저 일회성 패스코드를 입력하십시오."
        case .enterPasscodeFirstHint: "패스코드 페이지를 열어 로그인한 후 표시되는 코드를 붙여 넣으십시오."
        case .enterIBMidFirst: "먼저 IBMid(로그인할 때 쓰는 이메일)를 입력하십시오."
        case .enterPassword: "비밀번호를 입력하십시오."
        case .enterSecurityCode: "인증 앱에 표시된 보안 코드를 입력하십시오."
        case .fixItAndPressEnter: "수정한 후 Enter를 누르십시오."
        case .recognisedAPIKey(let n): "인식됨: API 키(\(n)자)"
        case .recognisedPasscode(let n): "인식됨: 일회성 패스코드(\(n)자)"
        case .recognisedKeyFile(let path): "인식됨: API 키 파일, \(path)"
        case .notRecognisedHasSpaces: "인식할 수 없음: 키나 패스코드 중간에는 공백이 없습니다."
        case .ssoLineNeedsPasscodePage: "SSO 로그인입니다. 패스코드 페이지를 열고(Tab) 표시되는 코드를 붙여 넣으십시오."
        case .loginLineWithoutCredentials: "이 ibmcloud 명령에는 API 키나 패스코드가 없습니다."
        case .invisibleRemoved(let count, let codes):
            "보이지 않는 문자 \(count)개(\(codes.joined(separator: ", ")))를 제거했습니다. 보내지 않습니다."
        case .pasteTooLong(let pasted, let existing, let limit):
            existing == 0 || pasted > limit
                ? "붙여 넣은 내용이 \(pasted)자로 이 필드의 최대 \(limit)자를 넘어 붙여 넣지 않았습니다."
                : "붙여 넣은 \(pasted)자와 이미 있는 \(existing)자를 합하면 이 필드의 최대 \(limit)자를 넘어 붙여 넣지 않았습니다."
        case .pasteTooLongHint: "필드 내용은 그대로입니다. 키, 패스코드 또는 경로만 붙여 넣으십시오."
        case .apiKeyNotAccepted: "IAM이 이 API 키를 거부했습니다."
        case .apiKeyNotAcceptedHint: "키를 확인하고(`ibmcloud iam api-key-create`로 작성) 수정한 후 Enter를 누르십시오."
        case .federatedIBMid: "이 IBMid는 연합 ID이므로 회사 SSO를 통해 로그인합니다."
        case .federatedIBMidHint: "Tab을 눌러 “SSO: 일회성 패스코드”로 가십시오(또는 API 키 사용)."
        case .secondFactorNeeded: "이 계정에는 2단계 인증이 필요합니다."
        case .secondFactorNeededHint: "인증 앱의 코드를 보안 코드에 입력하고 Enter를 누르십시오."
        case .ibmidNotAccepted: "IAM이 이 IBMid와 비밀번호를 거부했습니다."
        case .ibmidNotAcceptedHint: "확인한 후 Enter를 누르십시오. 연합(회사) ID는 SSO로 로그인합니다."
        case .passcodeNotAccepted: "IAM이 이 패스코드를 거부했습니다."
        case .passcodeNotAcceptedHint: "패스코드는 한 번만 쓸 수 있고 곧 만료됩니다. 패스코드 페이지에서 새로 받아 Enter를 누르십시오."
        case .passcodePageOpening: "브라우저에서 패스코드 페이지가 열립니다."
        case .passcodePageOpeningHint: "거기서 로그인한 후 일회성 패스코드를 여기에 붙여 넣으십시오."
        case .couldNotOpenBrowser(let detail): "브라우저를 열 수 없습니다: \(detail)"
        case .couldNotDrawQRCode(let detail): "QR 코드를 그릴 수 없습니다: \(detail)"
        case .openPageAnywhereHint: "아무 기기의 브라우저에서나 페이지를 열고 패스코드를 여기에 붙여 넣으십시오."
        case .couldNotReadKeyFile(let path, let detail): "\(path)을(를) 읽을 수 없습니다: \(detail)"
        case .couldNotReadKeyFileHint: "API 키 JSON 파일의 경로를 입력하거나 키 자체를 붙여 넣으십시오."
        case .couldNotUseSavedKey(let path, let detail): "이전 실행이 \(path)에 저장한 API 키를 사용할 수 없습니다: \(detail)"
        case .couldNotUseSavedKeyHint: "양식을 확인하고 Enter를 누르십시오. 계획을 먼저 보여 준 후 새 키를 작성합니다."
        case .startingAfresh: "새로 시작합니다. 이전 실행의 선택은 사용하지 않습니다."
        case .loginForOtherAccount(let tokenAccount, let account):
            "이 로그인은 선택한 \(account) 계정이 아니라 \(tokenAccount) 계정용입니다."
        case .loginForOtherAccountHint(let account): "\(account) 계정의 API 키로 로그인하거나 일회성 패스코드를 사용하십시오."
        case .tokenForOtherAccount(let tokenAccount, let account):
            "IAM이 \(account) 계정이 아니라 \(tokenAccount) 계정의 토큰을 반환했습니다."
        case .chooseAccountAgainHint: "계정을 다시 선택하거나 Esc를 눌러 돌아가십시오."
        case .sessionExpired: "IBM Cloud 로그인이 만료되었습니다."
        case .sessionExpiredHint(let step):
            "다시 로그인하면 “\(step.map(stepTitle) ?? "같은 단계")”에서 계속합니다. 선택한 내용은 모두 유지됩니다."
        case .loggedInAgain: "다시 로그인했습니다. 하던 곳에서 계속합니다."

        case .noAccounts: "이 로그인으로 볼 수 있는 IBM Cloud 계정이 없습니다."
        case .noAccountsHint: "계정에 초대해 달라고 요청한 후 다시 로그인하십시오(Esc)."
        case .accountOfAPIKey(let account): "\(account) 계정을 선택했습니다. API 키는 자체 계정에서만 작동합니다."
        case .lineAccountNotUsed(let account): "명령의 -c \(account) 값은 사용하지 않습니다. API 키는 자체 계정에서만 작동합니다."
        case .lineAccountChosen(let account): "ibmcloud 명령의 요청(-c)대로 \(account) 계정을 선택했습니다."
        case .lineAccountNotVisible(let account):
            "ibmcloud 명령이 \(account) 계정을 요청했지만(-c) 이 로그인으로는 볼 수 없습니다. 계정을 선택하십시오."
        case .lineRegionChosen(let region): "요청(-r)대로 \(region) 지역을 선택했습니다."
        case .lineRegionUnknown(let region): "\(region)(-r)은(는) Key Protect 지역이 아닙니다. 지역을 선택하십시오."
        case .lineGroupChosen(let group): "요청(-g)대로 \(group) 그룹을 선택했습니다."
        case .lineGroupUnknown(let group): "\(group) 리소스 그룹(-g)이 이 계정에 없습니다. 그룹을 선택하십시오."
        case .onlyOneAccount(let account): "계정이 하나뿐이므로 \(account) 계정을 선택했습니다."
        case .onlyOneResourceGroup(let group): "리소스 그룹이 하나뿐이므로 \(group) 그룹을 선택했습니다."
        case .onlyOneInstance(let group, let instance):
            "이곳 \(group)의 Key Protect 인스턴스는 \(instance) 하나뿐이므로 선택했습니다(보려면 Esc)."
        case .noInstanceInGroup(let group, let region): "\(region)의 \(group)에 Key Protect 인스턴스가 없습니다."
        case .noInstanceInGroupHint: "Esc를 눌러 다른 리소스 그룹이나 지역을 선택하십시오."
        case .nothingToChoose: "여기에는 선택할 항목이 없습니다."
        case .nothingToChooseHint: "Esc를 눌러 돌아가서 다르게 선택하십시오."
        case .nothingMatches(let filter): "“\(filter)”에 맞는 항목이 없습니다."
        case .nothingMatchesHint: "Backspace를 눌러 필터를 변경하십시오."
        case .instanceCount(let n): n == 0 ? "Key Protect 인스턴스 없음" : "Key Protect 인스턴스 \(n)개"
        case .groupPreselected(let group, let region, let isDefault, let instances):
            isDefault
                ? "지역: \(region). 계정의 기본 리소스 그룹인 \(group) 그룹을 미리 선택했습니다."
                : "지역: \(region). 이 지역의 Key Protect 인스턴스 \(instances)개가 있는 \(group) 그룹을 미리 선택했습니다."
        case .defaultGroup(let name): "\(name)(기본)"
        case .instanceCountHere(let n, let groupID): "이곳의 Key Protect 인스턴스 \(n)개 · \(groupID)"
        case .rolesFallback: "IAM이 읽을 수 있는 Key Protect 역할을 나열하지 않아 표준 역할을 표시합니다."
        case .roleSummary(let role, let description):
            switch role {
            case "Manager": "인스턴스의 모든 작업: 키 작성·삭제·사용 안함, 정책 변경"
            case "Writer": "키 작성·가져오기·회전·읽기. 키 삭제와 정책 변경은 불가"
            case "Reader": "키 나열, 메타데이터 읽기, 랩핑·랩핑 해제. 키 자료는 불가(최소 권한)"
            case "ReaderPlus": "\(Korean.roleName("Reader")) 권한과 표준 키의 페이로드 읽기"
            default: description
            }
        case .managerWarning:
            "\(Korean.roleName("Manager"))는 키를 삭제하고 인스턴스의 정책을 변경할 수 있습니다. 대부분의 프로그램에는 \(Korean.roleName("Reader"))로 충분합니다."
        case .managerWarningHint: "\(Korean.roleName("Manager"))를 부여하려면 Enter를 다시 누르고, 아니면 다른 역할을 선택하십시오."

        case .nameMissing(let thing): "\(named(thing)) 이름이 필요합니다."
        case .nameTooLong(let thing, let n, let limit): "\(named(thing)) 이름이 너무 깁니다(\(n)자, 최대 \(limit)자)."
        case .nameHasControlCharacters(let thing): "\(named(thing)) 이름에 제어 문자가 있습니다."
        case .fixNameHint: "이름을 수정하고 Enter를 누르십시오."
        case .serviceIDsExist(let name, let count):
            count == 1 ? "이름이 \(name)인 서비스 ID가 이미 있습니다." : "이름이 \(name)인 서비스 ID가 이미 \(count)개 있습니다."
        case .serviceIDsExistHint: "하나를 재사용하거나 새로 작성하십시오."
        case .reuseServiceID(let name): "\(name) 재사용"
        case .createAnotherServiceID(let name): "같은 이름(\(name))으로 서비스 ID 새로 작성"
        case .severalServiceIDsAllowed: "IBM Cloud는 이름이 같은 서비스 ID를 여러 개 허용합니다"
        case .serviceIDCreatedOn(let id, let date): "\(id) · \(date) 작성"
        case .serviceIDAlreadyHadRole: "서비스 ID에 이미 이 역할이 있어 새로 작성한 것이 없습니다."
        case .lostServiceIDFound: "서비스 ID가 작성되었지만 응답이 도중에 유실되었습니다. 이 서비스 ID를 사용합니다."

        case .givePath(let file): "\(file == .apiKey ? "API 키 파일" : "토큰 파일")의 경로를 입력하십시오."
        case .typePathHint: "경로를 입력하고 Enter를 누르십시오."
        case .sameFileForKeyAndToken: "키와 토큰은 서로 다른 파일에 저장해야 합니다."
        case .sameFileForKeyAndTokenHint: "경로 하나를 변경하십시오. 토큰이 키를 덮어쓰면 안 됩니다."
        case .changeOnePath: "경로 하나를 변경하십시오."
        case .pathRefused(let path, let reason): pathReason(path, reason)
        case .changePathHint: "경로를 변경하고 Enter를 누르십시오."
        case .freeNameProposedHint: "사용 가능한 이름을 제안했습니다. Enter로 사용하거나 편집하십시오."
        case .couldNotSave(let path, let detail): "\(path)에 저장할 수 없습니다: \(detail)"
        case .couldNotSaveHint: "경로를 편집하고 Enter로 다시 저장하십시오. 잃는 것은 없습니다."
        case .couldNotSaveScript(let path, let detail): "명령을 \(path)에 저장할 수 없습니다: \(detail)"
        case .couldNotSaveScriptHint: "작성된 것은 없습니다. 작성하려면 Enter를, 다시 저장하려면 s를 누르십시오."
        case .scriptSaved(let path): "같은 작업을 하는 명령을 \(path)에 저장했습니다."
        case .scriptSavedHint: "아직 작성된 것은 없습니다. Enter는 작성, Esc는 돌아가기입니다."
        case .scriptAlreadySaved(let path): "명령이 이미 \(path)에 저장되어 있습니다."
        case .enterCreatesEscGoesBack: "Enter는 작성, Esc는 돌아가기입니다."
        case .createdSoFar(let things): "지금까지 작성됨: \(created(things))."
        case .createdSoFarHint: "d 삭제 후 돌아가기 · Esc 유지(재사용) 후 돌아가기 · Enter 계속"
        case .cannotGoBack(let things): "돌아갈 수 없습니다. 계정에 \(created(things))이(가) 이미 있습니다."
        case .cannotGoBackHint: "계속해서 완료하거나 Ctrl-C로 종료하십시오(작성된 것은 남습니다)."
        case .keptServiceID(let name, let withPolicy):
            "서비스 ID \(name)\(withPolicy ? " 및 해당 정책" : "")을(를) 유지했습니다. 재사용합니다."
        case .changeAndShowPlanHint: "원하는 대로 변경하십시오. Enter로 계획을 다시 봅니다."
        case .deleted(let things): "\(created(things))을(를) 삭제했습니다. 남은 것은 없습니다."
        case .lostAPIKeyReplaced:
            "API 키가 작성되었지만 응답이 도중에 유실되었습니다. 누구도 그 값을 읽을 수 없으므로 삭제하고 새로 작성했습니다."
        case .mayHaveBeenCreatedHint: "그래도 작성되었을 수 있습니다. Enter를 누르면 먼저 확인한 후 계속하며, 두 번 작성하지 않습니다."
        case .needAdministratorHint:
            "계정(또는 Key Protect)에 대한 관리자(Administrator) 역할이 필요합니다. 관리자에게 요청하거나 Esc로 돌아가십시오."
        case .keySavedRetryExchangeHint: "API 키는 저장되었습니다. Enter를 눌러 교환을 다시 시도하십시오."
        case .unsavedKey: "새 API 키가 아직 저장되지 않았으며 다시 표시할 수 없습니다."
        case .unsavedKeyHint: "경로를 수정하고 Enter로 저장하십시오. Ctrl-C를 다시 누르면 키 없이 종료합니다."
        case .carriedOnWithSavedKey(let path): "이전 실행이 저장한 API 키(\(path))로 계속합니다. 새 키는 작성하지 않습니다."
        case .rateLimited(let seconds):
            seconds.map { "IBM Cloud가 요청을 제한하고 있으며(429) \(wait($0)) 기다리라고 했습니다." }
                ?? "IBM Cloud가 요청을 제한하고 있습니다(429 Too Many Requests)."
        case .rateLimitedAutoHint: "아무것도 실행되지 않았으므로 대기가 끝나면 같은 요청을 자동으로 다시 보냅니다. Enter를 누르면 지금 보냅니다."
        case .rateLimitedHint(let seconds):
            "아무것도 실행되지 않았습니다. \(seconds == nil ? "" : "대기 후 ")다시 보내려면 Enter를, 돌아가려면 Esc를 누르십시오."

        case .resumeAbandoned(let problem): "이전 실행을 이어 갈 수 없습니다: \(resumeProblem(problem)) 여기서 다시 선택하십시오."
        case .carriedOn(let summary): "이전 실행을 이어 갑니다: \(resumeSummary(summary))."
        case .carriedOnCheckForm(let summary): "이전 실행을 이어 갑니다: \(resumeSummary(summary)). 이름과 경로를 확인하고 Enter를 누르십시오."
        case .planServiceIDReuse(let name, let id): "\(name)(\(id)) 재사용"
        case .planServiceIDCreate(let name, let account): "\(account ?? "계정")에 \(name) 작성"
        case .planPolicy(let role, let instance): "Key Protect 인스턴스 \(instance)에 대한 \(Korean.roleName(role))"
        case .planAPIKey(let name): "\(name) 작성"
        case .planFile(let path, let isToken): isToken ? "\(path)(0600, 1시간 동안 유효)" : "\(path)(0600)"

        case .copying(let target): "복사하는 중: \(copyTarget(target))…"
        case .copied(let target, let method): "복사했습니다: \(copyTarget(target))(\(method), 터미널이 허용해야 함)."
        case .copyFailed: "복사할 수 없습니다(클립보드에 닿지 못함). v를 눌러 토큰을 표시하고 직접 복사하십시오."
        case .clipboardCleared(let method): "클립보드를 지웠습니다(\(method))."
        case .clipboardNotCleared: "클립보드를 지울 수 없습니다."
        case .clipboardKept: "클립보드에 토큰이 남아 있습니다(1시간 동안 유효)."
        case .tokenExpiredRunAgain: "토큰이 만료되었습니다(1시간 동안 유효). 새 토큰을 받으려면 마법사를 다시 실행하십시오."
        case .tokenExpiredPressR: "토큰이 만료되었습니다(1시간 동안 유효). 새 토큰을 받으려면 r을 누르십시오."
        case .policyNotYetApplied: "Key Protect가 토큰을 거부했습니다. 새 정책은 적용에 잠시 걸릴 수 있습니다. 다시 시도하는 중…"
        case .noRoleOrOtherAccount: "서비스 ID에 아직 이 인스턴스에 대한 역할이 없거나 토큰이 다른 계정용입니다. 1분 후 k를 누르십시오."
        case .keyProtectUnreachable: "Key Protect에 연결할 수 없거나 요청이 실패했습니다."
        }
    }
}
