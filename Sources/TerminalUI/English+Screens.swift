import WizardCore

extension English {
    public func screen(_ text: ScreenText) -> String {
        switch text {
        case .titleBar: "TokenWizard · IBM Cloud Key Protect bearer token"
        case .sandboxBadge: "SANDBOX"
        case .planHeading: "Review, then create"
        case .closeHelp: "Any key closes the help"
        case .keys(let hints): keys(hints)

        case .makeWindowLarger: "Make the window larger."
        case .neededSize(let columns, let rows): "TokenWizard needs \(columns)×\(rows);"
        case .currentSize(let columns, let rows): "this one is \(columns)×\(rows)."
        case .ctrlCQuits: "Ctrl-C quits."

        case .sandboxIntro: "Sandbox: an IBM Cloud emulator on this machine; nothing real is touched."
        case .notIBMCloud(let iam): "Not IBM Cloud: credentials go to \(iam)"
        case .endpointsFile(let path): "(from \(path))."
        case .sandboxKeyLabel: "Sandbox API key:"
        case .sandboxPageLabel: "Passcode page:"
        case .loginTab(let method):
            switch method {
            case .apiKey: "API key"
            case .passcode: "SSO: one-time passcode"
            case .password: "IBMid password"
            }
        case .passwordTabNote: "Not for federated (company SSO) IDs: they use the passcode tab. ↑/↓ moves."
        case .apiKeyFromEnvironment: "The key came from IBMCLOUD_API_KEY (hidden). Enter logs in; Ctrl-U clears it."
        case .apiKeyPrompt: "Paste an IBM Cloud API key (from `ibmcloud iam api-key-create` or the console)."
        case .alsoAccepted:
            "Also accepted: a one-time passcode, the path of an API key file, or a whole `ibmcloud login …` line copied from the console."
        case .passcodeOpenPage: "1. Open this page in a browser and log in (federated ID / SSO):"
        case .passcodePageLookingUp: "(looking it up…)"
        case .passcodeOpensInBrowser: "Ctrl-O opens it in your browser."
        case .passcodeShowsQRCode: "Ctrl-O shows it as a QR code: scan it with your phone's camera."
        case .passcodePaste: "2. Paste the one-time passcode it shows:"
        case .loginTargets(let account, let region, let group):
            "Then: " + [account.map { "account \($0)" }, region.map { "region \($0)" }, group.map { "group \($0)" }]
                .compactMap { $0 }.joined(separator: ", ") + " (chosen if they exist)"
        case .hiddenCharacters(let count): "\(count) character\(count == 1 ? "" : "s"), hidden"
        case .resumeOffer: "Log in to carry on from the last run (Ctrl-N starts afresh):"

        case .qrHeading: "Scan to open the passcode page, log in, and type the passcode here"
        case .qrNeedsLargerWindow(let columns, let rows): "The QR code needs a larger window (\(columns)×\(rows))."
        case .qrNeedsUTF8: "This terminal cannot draw the QR code (its locale is not UTF-8)."
        case .qrOpenInstead(let page): "Open \(page) in any browser instead."
        case .anyKeyReturns: "Any key returns."
        case .qrHelpBar: "Any key returns to the passcode field"

        case .typeToFilter: "Type to filter"
        case .filter(let filter): "Filter: \(filter)"
        case .listCount(let shown, let total, let kind): "\(shown) of \(total) \(noun(kind))"
        case .moreRows(let count): "(↑↓ scroll for \(count) more)"
        case .nothingMatches: "Nothing matches. Backspace to change the filter."
        case .regionIntro(let account): "Account: \(account). Regions with Key Protect instances come first."
        case .resourceGroupIntro(let region): "Region: \(region). The account's default group is preselected."
        case .instanceIntro(let group, let region): "Key Protect instances in \(group) · \(region)"
        case .serviceIDNotUnique: "Service IDs are not unique by name."
        case .roleIntro(let serviceID, let instance): "Access policy for \(serviceID) on \(instance ?? "the instance")"

        case .serviceIDIntro: "A service ID is the identity your program uses. Name it for its job."
        case .ownTokenOffer: "Only need a token for yourself now? Ctrl-O uses your own (nothing is created)."
        case .apiKeyIntro: "IBM Cloud shows a new key once; TokenWizard saves it (mode 0600) first."
        case .apiKeySaved(let path): "API key saved to \(path)"
        case .apiKeyNotSavedYet: "The API key exists but is not saved yet."

        case .planNothingYet: "Nothing is created until you press Enter."
        case .planCreating: "Creating, in this order:"
        case .planLabel(let item):
            switch item {
            case .serviceID: "Service ID"
            case .accessPolicy: "Access policy"
            case .apiKey: "API key"
            case .keyFile: "Key file"
            case .tokenFile: "Token file"
            }
        case .planCommands: "The same with the IBM Cloud CLI and curl (s saves them as a script):"
        case .planCommandsSaved(let path): "The same as commands (saved to \(path)):"

        case .doneLabel(let label):
            switch label {
            case .account: "Account:"
            case .identity: "Identity:"
            case .access: "Access:"
            case .serviceID: "Service ID:"
            case .role: "Role:"
            case .issued: "Issued:"
            case .saved: "Saved:"
            }
        case .ownIdentity(let iamID): "your own user token (\(iamID)); no service ID"
        case .ownAccess(let instance, let region): "your own roles; instance \(instance) (\(region))"
        case .roleOn(let role, let instance, let region): "\(role) on \(instance) (\(region))"
        case .issued(let at, let expires, let secondsLeft):
            (at.map { "\($0) UTC · expires " } ?? "Expires ") + expires + " · "
                + (secondsLeft > 0 ? "\(secondsLeft / 60) min \(secondsLeft % 60) s left" : "expired")
        case .savedToken(let path): "token \(path)"
        case .savedKey(let path): "API key \(path)"
        case .tokenHidden(let count): "(\(count) characters; v shows it)"
        case .useAsHeader:
            "Use it as the header:  Authorization: Bearer <token>   (h copies that line, u copies a ready curl for Key Protect list keys)"
        case .lasts(let minutes, let renewable):
            renewable ? "It lasts \(minutes) minutes; r makes a new one from the saved API key."
                : "It lasts \(minutes) minutes; run the wizard again for a new one."
        case .tokenContinues(let path): "(the whole token is in \(path ?? "the token file"); copy with c)"
        case .testingToken: "Testing the token on Key Protect…"
        case .testSucceeded(let count): "Key Protect accepted the token: \(count) key\(count == 1 ? "" : "s") listed."
        case .clipboardCountdown(let seconds): "The clipboard is cleared in \(seconds) s · x clears it now · z keeps the token there"

        case .automaticRetry(let seconds): "Sending it again in \(seconds) s · Enter sends it now · Esc stops waiting"
        case .busyRetry(let seconds): "IBM Cloud is busy: trying again in \(seconds) s…"
        }
    }

    func noun(_ kind: ListKind) -> String {
        switch kind {
        case .accounts: "accounts"
        case .regions: "regions"
        case .resourceGroups: "resource groups"
        case .instances: "instances"
        case .choices: "choices"
        case .roles: "roles"
        }
    }

    func keys(_ hints: KeyHints) -> String {
        switch hints {
        case .busy: "Working… · Esc cancel (lookups only) · Ctrl-C quit"
        case .login: "Enter log in · Tab API key/passcode/password · Ctrl-U clear · Ctrl-C quit"
        case .list: "↑↓ move · type to filter · Enter choose · Esc back · ? help · Ctrl-C quit"
        case .serviceIDChoice: "↑↓ move · Enter choose · Esc back · Ctrl-C quit"
        case .serviceIDForm: "Tab next field · Enter next/create · Ctrl-O own token · Esc back · Ctrl-C quit"
        case .planConfirm: "Enter create all · s save as a script · Esc back · ? help · Ctrl-C quit"
        case .retry: "Enter retry · Ctrl-C quit"
        case .apiKeyForm: "Tab next field · Enter next/review · Esc back · Ctrl-C quit"
        case .doneOwnToken: "c copy Bearer · t copy token · v show · k test · ? help · q quit"
        case .done: "c copy Bearer · t copy token · v show · k test · r refresh · ? help · q quit"
        }
    }

    public func help(_ page: HelpPage) -> [String] {
        switch page {
        case .plan:
            ["Review, then create",
             "Nothing exists in the account yet. Enter creates the service ID (unless reused), its access policy and the API key, saves the key (0600), then gets the token.",
             "s saves the same steps as ibmcloud and curl commands in a script (no secrets).",
             "Esc goes back to change names, paths or the role."]
        case .ownToken:
            ["Your own token",
             "Send it as  Authorization: Bearer <token>  with  bluemix-instance: <GUID>.",
             "It lasts an hour; run the wizard again for a new one. k tests it.",
             "c copies \"Bearer <token>\" (OSC 52), t the bare token, h the header line, u a curl for Key Protect list keys; v shows the token on screen.",
             "Same as: ibmcloud iam oauth-tokens"]
        case .step(let step):
            switch step {
            case .login:
                ["Log in", "An API key, or SSO: open the passcode page, log in, paste the one-time code.",
                 "Or an IBMid and password (not for federated IDs), with a TOTP code if asked.",
                 "Same as: ibmcloud login --apikey KEY  ·  --sso  ·  -u IBMID"]
            case .account:
                ["Account",
                 "The IBM Cloud account that holds your Key Protect instance. Your session is scoped to it (IAM refresh_token grant with account=<id>).",
                 "Type to filter by name or account ID; Enter chooses.",
                 "Same as: ibmcloud target -c ACCOUNT_ID"]
            case .region:
                ["Region",
                 "Where the Key Protect instance runs: https://<region>.kms.cloud.ibm.com.",
                 "Regions that hold instances in this account come first, with their counts.",
                 "Same as: ibmcloud target -r REGION"]
            case .resourceGroup:
                ["Resource group",
                 "Groups organise an account's resources. The default group is preselected; each line shows how many Key Protect instances it has in the chosen region.",
                 "Same as: ibmcloud target -g GROUP"]
            case .instance:
                ["Key Protect instance",
                 "The instance whose keys your program will use. Its GUID is the bluemix-instance header of Key Protect calls. Type a name or GUID to filter.",
                 "Same as: ibmcloud resource service-instance NAME --id"]
            case .serviceID:
                ["Service ID",
                 "An identity for a program, not a person. Names are not unique in IBM Cloud: if one with this name exists you may reuse it or create another.",
                 "Same as: ibmcloud iam service-id-create NAME -d DESCRIPTION"]
            case .role:
                ["Key Protect role",
                 "The access policy gives the service ID this role on the chosen instance only.",
                 "Reader: list keys, wrap/unwrap; no key material. Writer: also create, rotate.",
                 "Manager: everything, including deleting keys and changing policies.",
                 "Same as: ibmcloud iam service-policy-create SERVICE_ID --roles Reader --service-name kms --service-instance INSTANCE_GUID"]
            case .apiKey:
                ["Service ID API key",
                 "IBM Cloud shows a new key's value once. TokenWizard saves it (0600) before anything else, then exchanges it for an IAM access token saved as token.json.",
                 "Same as: ibmcloud iam service-api-key-create NAME SERVICE_ID --file FILE"]
            case .token, .done:
                ["Your token",
                 "Send it as  Authorization: Bearer <token>  with  bluemix-instance: <GUID>.",
                 "It lasts an hour. r gets a new one from the saved key; k tests it.",
                 "c copies \"Bearer <token>\" (OSC 52), t the bare token, h the header line, u a curl for Key Protect list keys; v shows the token on screen.",
                 "Same as: curl -X POST https://iam.cloud.ibm.com/identity/token -d grant_type=urn:ibm:params:oauth:grant-type:apikey -d apikey=KEY"]
            }
        }
    }
}
