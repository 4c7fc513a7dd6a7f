import Foundation

/// Everything the emulated IBM Cloud knows: users, accounts, resource groups, service instances,
/// Key Protect keys, service IDs, API keys and access policies.
///
/// A world is plain data. The running server copies it into its own store and changes that copy
/// (creating service IDs, API keys, policies); the value you passed in is never modified.
/// It is `Codable`: the JSON form is the `--world FILE.json` format documented in `docs/emulator.md`
/// (camelCase keys as spelled here, dates as ISO 8601 strings).
///
/// Not a client model: nothing here follows IBM's wire field names; the route handlers translate.
public struct EmulatorWorld: Codable, Sendable, Equatable {
    /// People who can log in (API key, passcode, password).
    public var users: [User]
    /// Billing accounts (COE accounts API).
    public var accounts: [Account]
    /// Resource groups (Resource Manager API).
    public var resourceGroups: [ResourceGroup]
    /// Service instances (Resource Controller API), Key Protect and others.
    public var instances: [ServiceInstance]
    /// Key Protect keys, each in one instance.
    public var keys: [Key]
    /// Service IDs (IAM Identity API).
    public var serviceIDs: [ServiceID]
    /// API keys of users and service IDs (IAM Identity API).
    public var apiKeys: [APIKey]
    /// Access policies (IAM Policy Management API).
    public var policies: [Policy]

    /// Creates a world from its parts.
    public init(
        users: [User] = [], accounts: [Account] = [], resourceGroups: [ResourceGroup] = [],
        instances: [ServiceInstance] = [], keys: [Key] = [], serviceIDs: [ServiceID] = [],
        apiKeys: [APIKey] = [], policies: [Policy] = []
    ) {
        self.users = users
        self.accounts = accounts
        self.resourceGroups = resourceGroups
        self.instances = instances
        self.keys = keys
        self.serviceIDs = serviceIDs
        self.apiKeys = apiKeys
        self.policies = policies
    }

    /// A user (realm IBMid).
    public struct User: Codable, Sendable, Equatable {
        /// IAM ID, `IBMid-<identifier>`.
        public var iamID: String
        /// E-mail, also the login name and the JWT `sub`.
        public var email: String
        /// Given name (JWT `given_name`).
        public var givenName: String
        /// Family name (JWT `family_name`).
        public var familyName: String
        /// Classic infrastructure user id (token response `ims_user_id`).
        public var imsUserID: Int
        /// Password for the `password` grant; `nil` disables that grant for the user.
        public var password: String?
        /// Accounts the user belongs to, in display order. The first one is the default login account.
        public var accountIDs: [String]
        /// The second factor the `password` grant requires (`"TOTP"`), with `totpCode` the code
        /// that is accepted (an emulator has no clock-based secret); nil: no second factor.
        public var mfa: String?
        /// The accepted `security_code` when `mfa` is set.
        public var totpCode: String?
        /// True for a federated user (SSO): the `password` grant refuses them.
        public var federated: Bool?

        /// Creates the record; see the properties for meanings and defaults.
        public init(
            iamID: String, email: String, givenName: String, familyName: String, imsUserID: Int,
            password: String? = nil, accountIDs: [String]
        ) {
            self.iamID = iamID
            self.email = email
            self.givenName = givenName
            self.familyName = familyName
            self.imsUserID = imsUserID
            self.password = password
            self.accountIDs = accountIDs
        }

        /// Realm-local ID (JWT `identifier`): the IAM ID without the `IBMid-` prefix.
        public var identifier: String {
            iamID.hasPrefix("IBMid-") ? String(iamID.dropFirst("IBMid-".count)) : iamID
        }
    }

    /// A billing account.
    public struct Account: Codable, Sendable, Equatable {
        /// Account GUID (32 lower-case hex digits), `metadata.guid` on the wire and JWT `account.bss`.
        public var id: String
        /// Display name.
        public var name: String
        /// `TRIAL`, `PAYG`, `SUBSCRIPTION`…
        public var type: String
        /// `ACTIVE`, `SUSPENDED`…
        public var state: String
        /// IAM ID of the owner. The owner is implicitly the account's Administrator.
        public var ownerIAMID: String
        /// Creation time.
        public var createdAt: Date

        /// Creates the record; see the properties for meanings and defaults.
        public init(id: String, name: String, type: String = "PAYG", state: String = "ACTIVE", ownerIAMID: String, createdAt: Date) {
            self.id = id
            self.name = name
            self.type = type
            self.state = state
            self.ownerIAMID = ownerIAMID
            self.createdAt = createdAt
        }
    }

    /// A resource group.
    public struct ResourceGroup: Codable, Sendable, Equatable {
        /// Group ID (32 hex digits).
        public var id: String
        /// GUID of the owning account.
        public var accountID: String
        /// Display name.
        public var name: String
        /// Whether this is the account's default group.
        public var isDefault: Bool
        /// Creation time.
        public var createdAt: Date

        /// Creates the record; see the properties for meanings and defaults.
        public init(id: String, accountID: String, name: String, isDefault: Bool = false, createdAt: Date) {
            self.id = id
            self.accountID = accountID
            self.name = name
            self.isDefault = isDefault
            self.createdAt = createdAt
        }
    }

    /// A service instance (Key Protect or any other service).
    public struct ServiceInstance: Codable, Sendable, Equatable {
        /// Instance GUID (the `bluemix-instance` header value for Key Protect).
        public var guid: String
        /// GUID of the owning account.
        public var accountID: String
        /// ID of the resource group holding it.
        public var resourceGroupID: String
        /// Display name.
        public var name: String
        /// Deployment region, e.g. `us-south` (`global` for global services).
        public var regionID: String
        /// CRN service name, e.g. `kms`, `cloud-object-storage`.
        public var serviceName: String
        /// Global Catalog offering ID (RC `resource_id`).
        public var resourceID: String
        /// Global Catalog plan ID (RC `resource_plan_id`).
        public var resourcePlanID: String
        /// `active`, `provisioning`, `inactive`, `removed`…
        public var state: String
        /// RC `sub_type`, `nil` for none.
        public var subType: String?
        /// Creation time.
        public var createdAt: Date

        /// Creates the record; see the properties for meanings and defaults.
        public init(
            guid: String, accountID: String, resourceGroupID: String, name: String, regionID: String,
            serviceName: String, resourceID: String, resourcePlanID: String, state: String = "active",
            subType: String? = nil, createdAt: Date
        ) {
            self.guid = guid
            self.accountID = accountID
            self.resourceGroupID = resourceGroupID
            self.name = name
            self.regionID = regionID
            self.serviceName = serviceName
            self.resourceID = resourceID
            self.resourcePlanID = resourcePlanID
            self.state = state
            self.subType = subType
            self.createdAt = createdAt
        }

        /// `crn:v1:bluemix:public:<service>:<region>:a/<account>:<guid>::`
        public var crn: String { "crn:v1:bluemix:public:\(serviceName):\(regionID):a/\(accountID):\(guid)::" }
    }

    /// A Key Protect key (metadata only; there is no key material).
    public struct Key: Codable, Sendable, Equatable {
        /// Key ID (UUID).
        public var id: String
        /// GUID of the Key Protect instance holding the key.
        public var instanceGUID: String
        /// Display name.
        public var name: String
        /// Optional description.
        public var description: String?
        /// 0 pre-activation, 1 active, 2 suspended, 3 deactivated, 5 destroyed.
        public var state: Int
        /// `true` for standard keys, `false` for root keys.
        public var extractable: Bool
        /// IAM ID of the creator.
        public var createdBy: String
        /// Creation time (Key Protect `creationDate`).
        public var creationDate: Date
        /// Key ring (`default` unless set).
        public var keyRingID: String

        /// Creates the record; see the properties for meanings and defaults.
        public init(
            id: String, instanceGUID: String, name: String, description: String? = nil, state: Int = 1,
            extractable: Bool = false, createdBy: String, creationDate: Date, keyRingID: String = "default"
        ) {
            self.id = id
            self.instanceGUID = instanceGUID
            self.name = name
            self.description = description
            self.state = state
            self.extractable = extractable
            self.createdBy = createdBy
            self.creationDate = creationDate
            self.keyRingID = keyRingID
        }
    }

    /// A service ID.
    public struct ServiceID: Codable, Sendable, Equatable {
        /// `ServiceId-<uuid>`.
        public var id: String
        /// GUID of the owning account.
        public var accountID: String
        /// Display name.
        public var name: String
        /// Optional description.
        public var description: String?
        /// CRNs of instances bound to this ID (`unique_instance_crns`).
        public var uniqueInstanceCRNs: [String]
        /// Incremented on every update; the first half of `entity_tag`.
        public var version: Int
        /// Whether the entity is locked against changes.
        public var locked: Bool
        /// Creation time.
        public var createdAt: Date
        /// Last modification time.
        public var modifiedAt: Date

        /// Creates the record; see the properties for meanings and defaults.
        public init(
            id: String, accountID: String, name: String, description: String? = nil,
            uniqueInstanceCRNs: [String] = [], version: Int = 1, locked: Bool = false,
            createdAt: Date, modifiedAt: Date? = nil
        ) {
            self.id = id
            self.accountID = accountID
            self.name = name
            self.description = description
            self.uniqueInstanceCRNs = uniqueInstanceCRNs
            self.version = version
            self.locked = locked
            self.createdAt = createdAt
            self.modifiedAt = modifiedAt ?? createdAt
        }

        /// `iam-ServiceId-<uuid>`: the policy subject and API-key `iam_id`.
        public var iamID: String { "iam-\(id)" }
    }

    /// An API key of a user or a service ID.
    public struct APIKey: Codable, Sendable, Equatable {
        /// `ApiKey-<uuid>`.
        public var id: String
        /// The secret value exchanged at `POST /identity/token`.
        public var value: String
        /// IAM ID the key authenticates (`IBMid-…` or `iam-ServiceId-…`).
        public var iamID: String
        /// The account a token from this key is scoped to.
        public var accountID: String
        /// Display name.
        public var name: String
        /// Optional description.
        public var description: String?
        /// IAM ID of the creator.
        public var createdBy: String
        /// Whether `GET /v1/apikeys/{id}` returns the value (service-ID keys only).
        public var storeValue: Bool
        /// Whether the entity is locked against changes.
        public var locked: Bool
        /// Whether the key is disabled (it then fails the apikey grant).
        public var disabled: Bool
        /// `none`, `disable` or `delete`.
        public var actionWhenLeaked: String
        /// Incremented on every update; the first half of `entity_tag`.
        public var version: Int
        /// Creation time.
        public var createdAt: Date
        /// Last modification time.
        public var modifiedAt: Date

        /// Creates the record; see the properties for meanings and defaults.
        public init(
            id: String, value: String, iamID: String, accountID: String, name: String, description: String? = nil,
            createdBy: String, storeValue: Bool = false, locked: Bool = false, disabled: Bool = false,
            actionWhenLeaked: String = "disable", version: Int = 1, createdAt: Date, modifiedAt: Date? = nil
        ) {
            self.id = id
            self.value = value
            self.iamID = iamID
            self.accountID = accountID
            self.name = name
            self.description = description
            self.createdBy = createdBy
            self.storeValue = storeValue
            self.locked = locked
            self.disabled = disabled
            self.actionWhenLeaked = actionWhenLeaked
            self.version = version
            self.createdAt = createdAt
            self.modifiedAt = modifiedAt ?? createdAt
        }
    }

    /// An access policy (v1 shape: one subject, roles, one resource).
    public struct Policy: Codable, Sendable, Equatable {
        /// Policy ID (UUID).
        public var id: String
        /// GUID of the owning account.
        public var accountID: String
        /// Subject IAM ID (`IBMid-…` or `iam-ServiceId-…`).
        public var subjectIAMID: String
        /// Role CRNs, e.g. `crn:v1:bluemix:public:iam::::serviceRole:Manager`.
        public var roleCRNs: [String]
        /// Resource attributes, name → value (`accountId`, `serviceName`, `serviceInstance`, …).
        public var resource: [String: String]
        /// Optional description.
        public var description: String?
        /// IAM ID of the creator.
        public var createdBy: String
        /// Creation time.
        public var createdAt: Date
        /// Incremented on every update; the first half of `entity_tag`.
        public var version: Int

        /// Creates the record; see the properties for meanings and defaults.
        public init(
            id: String, accountID: String, subjectIAMID: String, roleCRNs: [String], resource: [String: String],
            description: String? = nil, createdBy: String, createdAt: Date, version: Int = 1
        ) {
            self.id = id
            self.accountID = accountID
            self.subjectIAMID = subjectIAMID
            self.roleCRNs = roleCRNs
            self.resource = resource
            self.description = description
            self.createdBy = createdBy
            self.createdAt = createdAt
            self.version = version
        }
    }
}

extension EmulatorWorld {
    /// Decodes a world from its JSON form (the `--world FILE.json` format).
    public static func load(json data: Data) throws -> EmulatorWorld {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(EmulatorWorld.self, from: data)
    }

    /// Encodes the world to its JSON form (pretty-printed, sorted keys, ISO 8601 dates).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}
