/// What the plan will create, in words, and the same steps as IBM Cloud CLI and curl commands
/// (IBM's "Retrieving an access token"), for the plan screen and the script `s` saves.
/// Pure text from the state; no secret ever appears (the key and token are read from their files).
public enum PlanScript {
    /// One item per thing the plan does, in order: service ID, access policy, API key, key file,
    /// token file (the front end words them, e.g. `create kp-app in Dev account`).
    public static func summary(for state: WizardState) -> [Phrase] {
        let serviceIDName = state.serviceID?.name ?? state.serviceIDForm[0]
        let serviceID: Phrase = state.serviceID.map { .planServiceIDReuse(name: $0.name, id: $0.id) }
            ?? .planServiceIDCreate(name: serviceIDName, account: state.account?.name)
        return [
            serviceID,
            .planPolicy(role: state.role?.displayName ?? "?", instance: state.instance.map { "\($0.name) (\($0.regionID))" } ?? "?"),
            .planAPIKey(name: state.apiKeyForm[0]),
            .planFile(path: state.apiKeyForm[2], isToken: false),
            .planFile(path: state.apiKeyForm[3], isToken: true),
        ]
    }

    /// The equivalent commands, one per line, in order.
    public static func commands(for state: WizardState) -> [String] {
        let serviceIDName = state.serviceID?.name ?? state.serviceIDForm[0]
        let serviceIDRef = state.serviceID?.id ?? serviceIDName
        let login = switch state.loginMethod {
        case .passcode: "ibmcloud login --sso"
        case .password: "ibmcloud login -u \(quoted(state.passwordForm[0]))"
        case .apiKey: "ibmcloud login --apikey @YOUR_API_KEY_FILE"
        }
        var target = login
        if let account = state.account { target += " -c \(account.id)" }
        if let region = state.region { target += " -r \(region.id)" }
        if let group = state.resourceGroup { target += " -g \(quoted(group.name))" }
        var lines = [target]
        if state.serviceID == nil {
            lines.append("ibmcloud iam service-id-create \(quoted(serviceIDName)) -d \(quoted(state.serviceIDForm[1]))")
        }
        lines.append("ibmcloud iam service-policy-create \(quoted(serviceIDRef)) --roles \(state.role?.displayName ?? "Reader")"
            + " --service-name kms --service-instance \(state.instance?.guid ?? "INSTANCE_GUID")")
        lines.append("ibmcloud iam service-api-key-create \(quoted(state.apiKeyForm[0])) \(quoted(serviceIDRef))"
            + " -d \(quoted(state.apiKeyForm[1])) --file \(quoted(state.apiKeyForm[2]))")
        lines.append("curl -s -X POST https://iam.cloud.ibm.com/identity/token"
            + " -H 'Content-Type: application/x-www-form-urlencoded' -H 'Accept: application/json'"
            + " --data-urlencode 'grant_type=urn:ibm:params:oauth:grant-type:apikey'"
            + " --data-urlencode \"apikey=$(jq -r .apikey \(quoted(state.apiKeyForm[2])))\" > \(quoted(state.apiKeyForm[3]))")
        if let instance = state.instance {
            // IBM Cloud's own endpoints, like the token call above (the script is for IBM Cloud).
            let base = "https://\(instance.regionID).kms.cloud.ibm.com"
            lines.append("curl -s \(base)/api/v2/keys -H \"authorization: Bearer $(jq -r .access_token \(quoted(state.apiKeyForm[3])))\""
                + " -H 'bluemix-instance: \(instance.guid)'")
        }
        return lines
    }

    /// A POSIX shell script with the commands and comments (in the language of
    /// `state.environment.planComments`); contains no secret.
    public static func script(for state: WizardState) -> String {
        let words = state.environment.planComments
        let titles = [
            words.login,
            state.serviceID == nil ? words.createServiceID : nil,
            words.grantRole,
            words.createAPIKey,
            words.exchange,
            words.useToken,
        ].compactMap { $0 }
        var text = "#!/bin/sh\n" + words.header.map { "# \($0)\n" }.joined()
            + "set -eu\numask 077  # \(words.umask)\n\n"
        for (title, command) in zip(titles, commands(for: state)) {
            text += "\n# \(title)\n\(command)\n"
        }
        return text
    }

    /// The words of the saved script's comments (set per language by the front end).
    public struct Comments: Sendable, Hashable {
        /// Lines at the top, each written as `# line`.
        public var header: [String]
        public var umask: String
        public var login: String
        public var createServiceID: String
        public var grantRole: String
        public var createAPIKey: String
        public var exchange: String
        public var useToken: String
        public init(header: [String], umask: String, login: String, createServiceID: String, grantRole: String,
                    createAPIKey: String, exchange: String, useToken: String) {
            self.header = header; self.umask = umask; self.login = login; self.createServiceID = createServiceID
            self.grantRole = grantRole; self.createAPIKey = createAPIKey; self.exchange = exchange; self.useToken = useToken
        }

        /// The comments in English (the front end replaces them with its language's).
        public static let english = Comments(
            header: [
                "What TokenWizard does, as IBM Cloud CLI and curl commands (IBM Cloud docs:",
                "\"Retrieving an access token\" for Key Protect). No secret is written here: the API key",
                "and the token are read from their files (needs jq).",
            ],
            umask: "the key and token files are private (0600)",
            login: "Log in and target the account, region and resource group",
            createServiceID: "Create the service ID",
            grantRole: "Give the service ID its Key Protect role on the instance",
            createAPIKey: "Create the service ID's API key and save it (it is shown only once)",
            exchange: "Exchange the API key for an IAM access token (it lasts an hour)",
            useToken: "Use the token: Key Protect list keys")
    }

    /// Single-quoted for a POSIX shell.
    static func quoted(_ text: String) -> String {
        if !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || "-_./@:".contains($0) }), text.allSatisfy(\.isASCII) {
            return text
        }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
