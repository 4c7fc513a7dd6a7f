import Foundation

extension EmulatorWorld {
    /// A large, deterministic world for load and paging tests (`ibmcloud-emulator generate-world`).
    ///
    /// The sandbox user (same e-mail, password and API key as in `standard`) owns every account, is
    /// Administrator and holds Manager on `kms` in each. Accounts are named "Generated Account 0001"…;
    /// each has a "Default" group plus the remaining groups spread round-robin; instances are spread
    /// over groups (every other instance lands in the first account, the rest round-robin over all
    /// accounts), every fourth one is Cloud Object Storage and the others Key Protect in
    /// rotating regions, with `keysPerInstance` keys each. The API key is bound to the first account.
    /// - Parameters:
    ///   - accounts: number of accounts (at least 1).
    ///   - resourceGroups: total number of resource groups (at least one per account).
    ///   - instances: total number of service instances.
    ///   - keysPerInstance: keys in each Key Protect instance.
    public static func generated(accounts: Int, resourceGroups: Int, instances: Int, keysPerInstance: Int = 2) -> EmulatorWorld {
        let accountCount = max(1, accounts)
        let groupCount = max(accountCount, resourceGroups)
        let epoch = Date(timeIntervalSince1970: 1_704_067_200)
        let regions = ["us-south", "us-east", "eu-de", "eu-gb", "jp-tok", "au-syd", "ca-tor", "br-sao"]
        func hex32(_ tag: UInt32, _ n: Int) -> String { String(format: "%08x%024x", tag, n) }
        func uuid(_ tag: UInt32, _ n: Int) -> String {
            let tail = String(format: "%012x", n)
            return String(format: "%08x", tag) + "-0000-4000-8000-" + tail
        }

        let accountIDs = (0..<accountCount).map { hex32(0xacc0_0000, $0 + 1) }
        let user = User(
            iamID: sandboxUserIAMID, email: sandboxUserEmail, givenName: "Sandbox", familyName: "User", imsUserID: 7_000_001,
            password: sandboxUserPassword, accountIDs: accountIDs)
        var world = EmulatorWorld(users: [user])
        for (index, id) in accountIDs.enumerated() {
            world.accounts.append(
                Account(
                    id: id, name: String(format: "Generated Account %04d", index + 1), ownerIAMID: sandboxUserIAMID,
                    createdAt: epoch.addingTimeInterval(Double(index) * 60)))
        }
        var groupsByAccount: [[ResourceGroup]] = Array(repeating: [], count: accountCount)
        for n in 0..<groupCount {
            let accountIndex = n % accountCount
            let isDefault = n < accountCount
            let group = ResourceGroup(
                id: hex32(0x0b00_0000, n + 1), accountID: accountIDs[accountIndex],
                name: isDefault ? "Default" : "group-\(n / accountCount)", isDefault: isDefault,
                createdAt: epoch.addingTimeInterval(Double(n)))
            groupsByAccount[accountIndex].append(group)
            world.resourceGroups.append(group)
        }
        for n in 0..<max(0, instances) {
            // The first half goes to the first account (so one account pages through many
            // instances); the rest is spread round-robin.
            let accountIndex = n % 2 == 0 ? 0 : (n / 2) % accountCount
            let groups = groupsByAccount[accountIndex]
            let group = groups[(n / accountCount) % groups.count]
            let guid = uuid(0x1111_0000, n + 1)
            let created = epoch.addingTimeInterval(Double(n) * 10)
            if n % 4 == 3 {
                world.instances.append(
                    ServiceInstance(
                        guid: guid, accountID: group.accountID, resourceGroupID: group.id, name: "cos-\(n + 1)", regionID: "global",
                        serviceName: "cloud-object-storage", resourceID: cloudObjectStorageResourceID,
                        resourcePlanID: cloudObjectStoragePlanID, createdAt: created))
                continue
            }
            world.instances.append(
                ServiceInstance(
                    guid: guid, accountID: group.accountID, resourceGroupID: group.id, name: "kp-\(n + 1)",
                    regionID: regions[n % regions.count], serviceName: "kms", resourceID: keyProtectResourceID,
                    resourcePlanID: keyProtectPlanID, subType: "kms", createdAt: created))
            for k in 0..<max(0, keysPerInstance) {
                world.keys.append(
                    Key(
                        id: uuid(0x5e5e_0000, n * max(1, keysPerInstance) + k + 1), instanceGUID: guid, name: "key-\(n + 1)-\(k + 1)",
                        extractable: k % 2 == 1, createdBy: sandboxUserIAMID, creationDate: created.addingTimeInterval(Double(k))))
            }
        }
        world.apiKeys.append(
            APIKey(
                id: "ApiKey-0a000000-0000-4000-8000-000000000001", value: sandboxUserAPIKey, iamID: sandboxUserIAMID,
                accountID: accountIDs[0], name: "sandbox-user-key", createdBy: sandboxUserIAMID, createdAt: epoch))
        for (index, id) in accountIDs.enumerated() {
            world.policies.append(
                Policy(
                    id: uuid(0x9011_0000, 2 * index + 1), accountID: id, subjectIAMID: sandboxUserIAMID,
                    roleCRNs: [RoleCatalog.administratorCRN], resource: ["accountId": id, "serviceType": "service"],
                    createdBy: sandboxUserIAMID, createdAt: epoch))
            world.policies.append(
                Policy(
                    id: uuid(0x9011_0000, 2 * index + 2), accountID: id, subjectIAMID: sandboxUserIAMID,
                    roleCRNs: [RoleCatalog.managerCRN], resource: ["accountId": id, "serviceName": "kms"],
                    createdBy: sandboxUserIAMID, createdAt: epoch))
        }
        return world
    }
}
