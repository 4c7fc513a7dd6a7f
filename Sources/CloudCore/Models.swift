import Foundation

/// An IBM Cloud account the user can see. Source: Accounts API, `GET /coe/v2/accounts`
/// (`resources[].metadata.guid` and `resources[].entity`).
public struct Account: Sendable, Hashable, Identifiable {
    /// The account GUID (`metadata.guid`), 32 hex characters; used as `account_id` everywhere else.
    public var id: String
    /// Display name (`entity.name`).
    public var name: String
    /// `entity.state`, e.g. `ACTIVE`.
    public var state: String
    /// `entity.type`, e.g. `TRIAL`, `PAYG`.
    public var type: String
    public init(id: String, name: String, state: String = "ACTIVE", type: String = "") {
        self.id = id; self.name = name; self.state = state; self.type = type
    }
}

/// A resource group. Source: Resource Manager, `GET /v2/resource_groups?account_id=`.
public struct ResourceGroup: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// True for the account's default group (`default`).
    public var isDefault: Bool
    /// `state`, e.g. `ACTIVE`.
    public var state: String
    public var crn: String
    public init(id: String, name: String, isDefault: Bool = false, state: String = "ACTIVE", crn: String = "") {
        self.id = id; self.name = name; self.isDefault = isDefault; self.state = state; self.crn = crn
    }
}

/// A Key Protect service instance. Source: Resource Controller, `GET /v2/resource_instances`.
public struct KeyProtectInstance: Sendable, Hashable, Identifiable {
    /// The instance GUID (`guid`): the `bluemix-instance` header value and the policy `serviceInstance`.
    public var guid: String
    /// The instance CRN (`crn`).
    public var crn: String
    public var name: String
    /// Deployment region (`region_id`), e.g. `us-south`; picks the Key Protect host.
    public var regionID: String
    public var resourceGroupID: String
    /// `state`, e.g. `active`.
    public var state: String
    public var id: String { guid }
    public init(guid: String, crn: String, name: String, regionID: String, resourceGroupID: String, state: String = "active") {
        self.guid = guid; self.crn = crn; self.name = name; self.regionID = regionID
        self.resourceGroupID = resourceGroupID; self.state = state
    }
}

/// A service ID. Source: IAM Identity API, `GET/POST /v1/serviceids/`.
public struct ServiceID: Sendable, Hashable, Identifiable {
    /// `ServiceId-<uuid>`; used in URL paths.
    public var id: String
    /// `iam-ServiceId-<uuid>`; the policy subject and the API key's `iam_id`.
    public var iamID: String
    public var name: String
    public var description: String
    public var crn: String
    /// Optimistic-locking version, sent as `If-Match` on update.
    public var entityTag: String
    /// `created_at` as IBM sends it (ISO 8601 text).
    public var createdAt: String
    public init(id: String, iamID: String, name: String, description: String = "", crn: String = "", entityTag: String = "", createdAt: String = "") {
        self.id = id; self.iamID = iamID; self.name = name; self.description = description
        self.crn = crn; self.entityTag = entityTag; self.createdAt = createdAt
    }
}

/// A service role that can be granted on Key Protect. Source: IAM Policy Management,
/// `GET /v2/roles?service_name=kms` (`service_roles[]`).
public struct ServiceRole: Sendable, Hashable, Identifiable {
    /// `display_name`, e.g. `Manager`, `Writer`, `Reader`.
    public var displayName: String
    public var description: String
    /// Role CRN (`crn`), e.g. `crn:v1:bluemix:public:iam::::serviceRole:Reader`; sent as `role_id`.
    public var crn: String
    /// Action IDs such as `kms.secrets.list`.
    public var actions: [String]
    public var id: String { crn }
    public init(displayName: String, description: String = "", crn: String, actions: [String] = []) {
        self.displayName = displayName; self.description = description; self.crn = crn; self.actions = actions
    }
}

/// Where an access policy applies.
public enum PolicyScope: Sendable, Hashable {
    /// One Key Protect instance (`serviceInstance` = instance GUID).
    case instance(guid: String)
    /// Every Key Protect instance in a resource group (`resourceGroupId`).
    case resourceGroup(id: String)
}

/// An access policy. Source: IAM Policy Management, `POST /v1/policies` (201).
public struct AccessPolicy: Sendable, Hashable, Identifiable {
    public var id: String
    /// Role CRNs granted (`roles[].role_id`).
    public var roleIDs: [String]
    /// Subject IAM ID (`subjects[0].attributes[name=iam_id].value`).
    public var subjectIAMID: String
    public var state: String
    public init(id: String, roleIDs: [String], subjectIAMID: String, state: String = "active") {
        self.id = id; self.roleIDs = roleIDs; self.subjectIAMID = subjectIAMID; self.state = state
    }
}

/// A service ID API key as returned by create. Source: IAM Identity API, `POST /v1/apikeys` (201).
/// The value is returned only on create: save it at once.
public struct ServiceAPIKey: Sendable, Hashable, Identifiable {
    /// `ApiKey-<uuid>`.
    public var id: String
    public var name: String
    public var description: String
    /// The key value (`apikey`).
    public var apiKey: Secret
    public var iamID: String
    public var accountID: String
    public var crn: String
    /// `created_at` as IBM sends it (`yyyy-MM-ddTHH:mm+0000`).
    public var createdAt: String
    public var locked: Bool
    public init(id: String, name: String, description: String, apiKey: Secret, iamID: String, accountID: String, crn: String = "", createdAt: String = "", locked: Bool = false) {
        self.id = id; self.name = name; self.description = description; self.apiKey = apiKey
        self.iamID = iamID; self.accountID = accountID; self.crn = crn; self.createdAt = createdAt; self.locked = locked
    }
}

/// A service ID API key as listed: no value (IAM returns a value only on create).
/// Source: IAM Identity API, `GET /v1/apikeys?iam_id=` (`apikeys[]`).
public struct APIKeyInfo: Sendable, Hashable, Identifiable {
    /// `ApiKey-<uuid>`.
    public var id: String
    public var name: String
    /// The IAM ID the key authenticates (`iam-ServiceId-…`).
    public var iamID: String
    /// `created_at` as IBM sends it (`yyyy-MM-ddTHH:mm+0000`).
    public var createdAt: String
    public init(id: String, name: String, iamID: String, createdAt: String = "") {
        self.id = id; self.name = name; self.iamID = iamID; self.createdAt = createdAt
    }
}

/// One Key Protect key as listed (no key material). Source: Key Protect, `GET /api/v2/keys`.
public struct KeyProtectKey: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// Key state: 0 pre-activation, 1 active, 2 suspended, 3 deactivated, 5 destroyed.
    public var state: Int
    /// `extractable`: true for standard keys, false for root keys.
    public var extractable: Bool
    public init(id: String, name: String, state: Int, extractable: Bool) {
        self.id = id; self.name = name; self.state = state; self.extractable = extractable
    }
}

/// The answer to a list-keys call. `collectionTotal` counts the keys in this response.
public struct KeyList: Sendable, Hashable {
    public var collectionTotal: Int
    public var keys: [KeyProtectKey]
    public init(collectionTotal: Int, keys: [KeyProtectKey]) {
        self.collectionTotal = collectionTotal; self.keys = keys
    }
}

/// What OIDC discovery says. Source: `GET /identity/.well-known/openid-configuration`.
public struct OIDCConfiguration: Sendable, Hashable {
    /// The page that shows a one-time passcode after a browser login (`passcode_endpoint`).
    public var passcodeEndpoint: URL
    public var tokenEndpoint: URL?
    public init(passcodeEndpoint: URL, tokenEndpoint: URL? = nil) {
        self.passcodeEndpoint = passcodeEndpoint; self.tokenEndpoint = tokenEndpoint
    }
}

/// The claims of an IAM access token that the wizard shows or checks. Decoded from the JWT's
/// middle segment without verifying the signature (IAM token service; see API reference §5).
public struct TokenClaims: Sendable, Hashable {
    /// `iam_id`: `IBMid-…` for users, `iam-ServiceId-…` for service IDs.
    public var iamID: String
    /// `sub`.
    public var subject: String
    /// `sub_type`, e.g. `ServiceId`; empty when absent (user tokens).
    public var subjectType: String
    /// `account.bss`: the account GUID the token is scoped to; empty when absent.
    public var accountID: String
    /// `iat`, Unix seconds.
    public var issuedAt: Int
    /// `exp`, Unix seconds.
    public var expiresAt: Int
    /// `name`, when present.
    public var name: String
    public init(iamID: String, subject: String, subjectType: String, accountID: String, issuedAt: Int, expiresAt: Int, name: String = "") {
        self.iamID = iamID; self.subject = subject; self.subjectType = subjectType; self.accountID = accountID
        self.issuedAt = issuedAt; self.expiresAt = expiresAt; self.name = name
    }
}

/// An IAM token response. Source: IAM, `POST /identity/token` (200).
public struct IAMToken: Sendable, Hashable {
    /// `access_token`: the JWT sent as `Authorization: Bearer <access_token>`.
    public var accessToken: Secret
    /// `refresh_token`; may be the literal `not_supported`.
    public var refreshToken: Secret?
    /// `token_type`, normally `Bearer`.
    public var tokenType: String
    /// `expires_in`, seconds.
    public var expiresIn: Int
    /// `expiration`, Unix seconds.
    public var expiration: Int
    /// The decoded JWT claims.
    public var claims: TokenClaims
    /// The response body exactly as IAM sent it (IAM's own field names), for `token.json`.
    public var rawResponse: Secret
    public init(accessToken: Secret, refreshToken: Secret?, tokenType: String, expiresIn: Int, expiration: Int, claims: TokenClaims, rawResponse: Secret) {
        self.accessToken = accessToken; self.refreshToken = refreshToken; self.tokenType = tokenType
        self.expiresIn = expiresIn; self.expiration = expiration; self.claims = claims; self.rawResponse = rawResponse
    }
    /// `"Bearer <access_token>"`: the `Authorization` header value.
    public var authorizationValue: Secret { Secret("\(tokenType.isEmpty ? "Bearer" : tokenType) \(accessToken.exposedValue)") }
}
