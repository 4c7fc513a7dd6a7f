/// The IAM roles the emulator knows, as listed by `GET /v2/roles` (IAM Policy Management API).
///
/// Key Protect's own roles (ReaderPlus, KeyPurge, KmipAdapterManager) use the `kms` service segment;
/// this is UNVERIFIED in the reference (§2) and recorded under "Choices" in `docs/emulator.md`.
enum RoleCatalog {
    struct Role: Sendable {
        let displayName: String
        let description: String
        let crn: String
        let actions: [String]
    }

    static let administratorCRN = "crn:v1:bluemix:public:iam::::role:Administrator"
    static let managerCRN = "crn:v1:bluemix:public:iam::::serviceRole:Manager"
    static let writerCRN = "crn:v1:bluemix:public:iam::::serviceRole:Writer"
    static let readerCRN = "crn:v1:bluemix:public:iam::::serviceRole:Reader"
    static let readerPlusCRN = "crn:v1:bluemix:public:kms::::serviceRole:ReaderPlus"
    static let keyPurgeCRN = "crn:v1:bluemix:public:kms::::serviceRole:KeyPurge"
    static let kmipAdapterManagerCRN = "crn:v1:bluemix:public:kms::::serviceRole:KmipAdapterManager"

    /// The action Key Protect checks for `GET`/`HEAD /api/v2/keys`.
    static let listKeysAction = "kms.secrets.list"

    private static let readerActions = [
        "kms.secrets.list", "kms.secrets.readmetadata", "kms.secrets.wrap", "kms.secrets.unwrap",
        "kms.secrets.rewrap", "kms.secrets.listkeyversions", "kms.keyrings.list", "kms.registrations.list",
    ]
    private static let writerActions =
        readerActions + [
            "kms.secrets.create", "kms.secrets.import", "kms.secrets.rotate", "kms.secrets.read",
            "kms.keyrings.create", "kms.secrets.setkeyfordeletion", "kms.secrets.unsetkeyfordeletion",
            "kms.secrets.createalias", "kms.secrets.deletealias", "kms.secrets.sync",
        ]
    private static let managerActions =
        writerActions + [
            "kms.secrets.delete", "kms.secrets.restore", "kms.secrets.enable", "kms.secrets.disable",
            "kms.secrets.readpolicies", "kms.secrets.setpolicies", "kms.instance.readpolicies",
            "kms.instance.setpolicies", "kms.keyrings.delete", "kms.secrets.patch",
        ]

    /// Service roles for `kms`.
    static let keyProtectServiceRoles: [Role] = [
        Role(displayName: "Manager", description: "As a manager, you have permissions beyond the writer role to complete privileged actions as defined by the service. In addition, you can create and edit service-specific resources.", crn: managerCRN, actions: managerActions),
        Role(displayName: "Writer", description: "As a writer, you have permissions beyond the reader role, including creating and editing service-specific resources.", crn: writerCRN, actions: writerActions),
        Role(displayName: "Reader", description: "As a reader, you can perform read-only actions within a service such as viewing service-specific resources.", crn: readerCRN, actions: readerActions),
        Role(displayName: "ReaderPlus", description: "As a reader plus, you can perform read-only actions and retrieve the payload of standard keys.", crn: readerPlusCRN, actions: readerActions + ["kms.secrets.read"]),
        Role(displayName: "KeyPurge", description: "As a key purge role holder, you can purge keys four hours after they were deleted.", crn: keyPurgeCRN, actions: ["kms.secrets.purge"]),
        Role(displayName: "KmipAdapterManager", description: "As a KMIP adapter manager, you can manage KMIP adapters, objects and certificates.", crn: kmipAdapterManagerCRN, actions: ["kms.secrets.list", "kms.keyrings.list", "kms.kmipmanagement.create", "kms.kmipmanagement.read", "kms.kmipmanagement.delete", "kms.kmipmanagement.list"]),
    ]

    /// Generic service roles offered for services other than `kms`.
    static let genericServiceRoles: [Role] = [
        Role(displayName: "Manager", description: "As a manager, you have permissions beyond the writer role.", crn: managerCRN, actions: []),
        Role(displayName: "Writer", description: "As a writer, you have permissions beyond the reader role.", crn: writerCRN, actions: []),
        Role(displayName: "Reader", description: "As a reader, you can perform read-only actions within a service.", crn: readerCRN, actions: []),
    ]

    /// Platform roles.
    static let systemRoles: [Role] = [
        Role(displayName: "Viewer", description: "As a viewer, you can view service instances, but you can't modify them.", crn: "crn:v1:bluemix:public:iam::::role:Viewer", actions: ["resource-controller.instance.retrieve"]),
        Role(displayName: "Operator", description: "As an operator, you can perform platform actions required to configure and operate service instances.", crn: "crn:v1:bluemix:public:iam::::role:Operator", actions: ["resource-controller.instance.retrieve"]),
        Role(displayName: "Editor", description: "As an editor, you can perform all platform actions except for managing the account and assigning access policies.", crn: "crn:v1:bluemix:public:iam::::role:Editor", actions: ["resource-controller.instance.retrieve", "resource-controller.instance.create", "resource-controller.instance.update", "resource-controller.instance.delete"]),
        Role(displayName: "Administrator", description: "As an administrator, you can perform all platform actions based on the resource this role is being assigned, including assigning access policies to other users.", crn: administratorCRN, actions: ["resource-controller.instance.retrieve", "resource-controller.instance.create", "resource-controller.instance.update", "resource-controller.instance.delete", "iam.policy.create", "iam.policy.update", "iam.policy.delete"]),
    ]

    /// Service roles for a service name (`kms` gets Key Protect's roles, anything else the generic three).
    static func serviceRoles(for serviceName: String?) -> [Role] {
        serviceName == "kms" ? keyProtectServiceRoles : genericServiceRoles
    }

    /// Looks a role up by CRN among the service roles of `serviceName` and the platform roles.
    static func role(crn: String, serviceName: String?) -> Role? {
        (serviceRoles(for: serviceName) + systemRoles).first { $0.crn == crn }
    }

    /// Any known role by CRN.
    static func anyRole(crn: String) -> Role? {
        (keyProtectServiceRoles + systemRoles).first { $0.crn == crn }
    }

    /// Whether a role CRN grants `action` (used by the emulated Key Protect).
    static func grants(_ crn: String, action: String) -> Bool {
        keyProtectServiceRoles.first { $0.crn == crn }?.actions.contains(action) ?? false
    }
}
