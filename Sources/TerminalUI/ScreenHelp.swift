import WizardCore

/// The help text behind `?`, one short page per step: what the step is for, in IBM's terms, and
/// the matching `ibmcloud` command.
public enum ScreenHelp {
    /// The help for the plan (the review before anything is created).
    public static let plan = [
        "Review, then create",
        "Nothing exists in the account yet. Enter creates the service ID (unless reused),",
        "its access policy and the API key, saves the key (0600), then gets the token.",
        "s saves the same steps as ibmcloud and curl commands in a script (no secrets).",
        "Esc goes back to change names, paths or the role.",
    ]

    /// The help page for `step`. On the final screen with the user's own token (no service ID,
    /// no saved key) `r` is not offered: there is no key to make a new token from.
    public static func lines(for step: Step, usingOwnToken: Bool = false) -> [String] {
        if step == .done, usingOwnToken {
            return ["Your own token",
                    "Send it as  Authorization: Bearer <token>  with  bluemix-instance: <GUID>.",
                    "It lasts an hour; run the wizard again for a new one. k tests it.",
                    "c copies \"Bearer <token>\" (OSC 52), t the bare token, h the header line,",
                    "u a curl for Key Protect list keys; v shows the token on screen.",
                    "Same as: ibmcloud iam oauth-tokens"]
        }
        switch step {
        case .login:
            return ["Log in", "An API key, or SSO: open the passcode page, log in, paste the one-time code.",
                    "Or an IBMid and password (not for federated IDs), with a TOTP code if asked.",
                    "Same as: ibmcloud login --apikey KEY  ·  --sso  ·  -u IBMID"]
        case .account:
            return ["Account",
                    "The IBM Cloud account that holds your Key Protect instance. Your session is",
                    "scoped to it (IAM refresh_token grant with account=<id>).",
                    "Type to filter by name or account ID; Enter chooses.",
                    "Same as: ibmcloud target -c ACCOUNT_ID"]
        case .region:
            return ["Region",
                    "Where the Key Protect instance runs: https://<region>.kms.cloud.ibm.com.",
                    "Regions that hold instances in this account come first, with their counts.",
                    "Same as: ibmcloud target -r REGION"]
        case .resourceGroup:
            return ["Resource group",
                    "Groups organise an account's resources. The default group is preselected;",
                    "each line shows how many Key Protect instances it has in the chosen region.",
                    "Same as: ibmcloud target -g GROUP"]
        case .instance:
            return ["Key Protect instance",
                    "The instance whose keys your program will use. Its GUID is the",
                    "bluemix-instance header of Key Protect calls. Type a name or GUID to filter.",
                    "Same as: ibmcloud resource service-instance NAME --id"]
        case .serviceID:
            return ["Service ID",
                    "An identity for a program, not a person. Names are not unique in IBM Cloud:",
                    "if one with this name exists you may reuse it or create another.",
                    "Same as: ibmcloud iam service-id-create NAME -d DESCRIPTION"]
        case .role:
            return ["Key Protect role",
                    "The access policy gives the service ID this role on the chosen instance only.",
                    "Reader: list keys, wrap/unwrap; no key material. Writer: also create, rotate.",
                    "Manager: everything, including deleting keys and changing policies.",
                    "Same as: ibmcloud iam service-policy-create SERVICE_ID --roles Reader",
                    "         --service-name kms --service-instance INSTANCE_GUID"]
        case .apiKey:
            return ["Service ID API key",
                    "IBM Cloud shows a new key's value once. TokenWizard saves it (0600) before",
                    "anything else, then exchanges it for an IAM access token saved as token.json.",
                    "Same as: ibmcloud iam service-api-key-create NAME SERVICE_ID --file FILE"]
        case .token, .done:
            return ["Your token",
                    "Send it as  Authorization: Bearer <token>  with  bluemix-instance: <GUID>.",
                    "It lasts an hour. r gets a new one from the saved key; k tests it.",
                    "c copies \"Bearer <token>\" (OSC 52), t the bare token, h the header line,",
                    "u a curl for Key Protect list keys; v shows the token on screen.",
                    "Same as: curl -X POST https://iam.cloud.ibm.com/identity/token",
                    "  -d grant_type=urn:ibm:params:oauth:grant-type:apikey -d apikey=KEY"]
        }
    }
}
