import CloudCore

/// Carrying on from a checkpoint: after login, each list that loads is answered from the
/// checkpoint (account, region, resource group, instance, service ID, role, API key form) until
/// the API key form, where the user looks and confirms. Nothing is created on the way; a choice
/// that no longer exists stops the carrying on, and the user chooses there.
extension Wizard {
    static func abandonResume(_ why: ResumeProblem, in state: inout WizardState) {
        state.pendingResume = nil
        state.autoChoiceNote = .say(.resumeAbandoned(why))
    }

    /// The accounts are loaded: choose the checkpoint's account.
    static func resumeAccount(_ accounts: [Account], in state: inout WizardState) -> [WizardEffect]? {
        guard let resume = state.pendingResume else { return nil }
        guard let account = accounts.first(where: { $0.id == resume.accountID }) else {
            abandonResume(.accountNotVisible(account: resume.accountName), in: &state)
            return nil
        }
        return chooseAccount(account, in: &state)
    }

    /// The instances are loaded (region list): choose the checkpoint's region.
    static func resumeRegion(in state: inout WizardState) -> [WizardEffect]? {
        guard let resume = state.pendingResume, let regionID = resume.regionID else { state.pendingResume = nil; return nil }
        guard let account = state.account, let token = state.userToken, state.regionPicker.rows.contains(where: { $0.id == regionID }) else {
            abandonResume(.regionNotOffered(region: regionID), in: &state)
            return nil
        }
        state.regionPicker = Picker(rows: state.regionPicker.rows, highlightedID: regionID)
        state.region = KeyProtectRegion.named(regionID)
        return start(.listResourceGroups(accountID: account.id, token: token), .loadingResourceGroups, in: &state)
    }

    /// The resource groups are loaded: choose the checkpoint's group and instance, then the
    /// service ID (reused if it exists) and go on to the roles.
    static func resumeGroupAndInstance(in state: inout WizardState) -> [WizardEffect]? {
        guard let resume = state.pendingResume, let groupID = resume.resourceGroupID else { state.pendingResume = nil; return nil }
        guard let group = state.resourceGroups.first(where: { $0.id == groupID }) else {
            abandonResume(.resourceGroupGone, in: &state)
            return nil
        }
        state.resourceGroupPicker = Picker(rows: state.resourceGroupPicker.rows, highlightedID: groupID)
        _ = chooseResourceGroup(group, in: &state)
        guard let guid = resume.instanceGUID else { state.pendingResume = nil; return [] }
        guard let instance = state.instances.first(where: { $0.guid == guid && $0.resourceGroupID == groupID }) else {
            abandonResume(.instanceGone(name: resume.instanceName ?? guid), in: &state)
            return []
        }
        _ = chooseInstance(instance, in: &state)
        if let name = resume.serviceIDName {
            state.serviceIDForm.fields[0] = TextField(label: .name, text: name, maxLength: 100)
            state.serviceIDForm.fields[1] = TextField(label: .description, text: resume.serviceIDDescription ?? "", maxLength: 250)
        }
        if let existing = resume.serviceID {
            state.serviceID = ServiceID(id: existing.id, iamID: existing.iamID, name: existing.name)
            state.serviceIDWasCreated = false
            state.createsServiceID = false
            return enterRoleStep(in: &state)
        }
        if resume.createsServiceID, resume.step > Step.serviceID.rawValue {
            state.createsServiceID = true
            return enterRoleStep(in: &state)
        }
        state.pendingResume = nil
        state.autoChoiceNote = .say(.carriedOn(summary: resume.summary))
        return []
    }

    /// The roles are loaded: choose the checkpoint's role and fill the API key form; stop there.
    static func resumeRole(in state: inout WizardState) -> [WizardEffect]? {
        guard let resume = state.pendingResume else { return nil }
        state.pendingResume = nil
        guard let crn = resume.roleCRN, let role = state.roles.first(where: { $0.crn == crn }) else {
            state.autoChoiceNote = .say(.carriedOn(summary: resume.summary))
            return nil
        }
        state.rolePicker = Picker(rows: state.rolePicker.rows, highlightedID: crn)
        state.role = role
        state.policyInPlace = resume.policyInPlace && state.serviceID != nil
        guard resume.step >= Step.apiKey.rawValue else {
            state.autoChoiceNote = .say(.carriedOn(summary: resume.summary))
            return []
        }
        _ = enterAPIKeyStep(in: &state)
        for (index, value) in [resume.apiKeyName, resume.apiKeyDescription, resume.keyPath, resume.tokenPath].enumerated() {
            guard let value, !value.isEmpty else { continue }
            state.apiKeyForm.fields[index].text = value
            state.apiKeyForm.fields[index].cursor = value.count
        }
        if let saved = resume.savedKeyPath, resume.step >= Step.token.rawValue, let serviceID = state.serviceID {
            // The last run created and saved its key, then stopped before the token: use that key.
            state.autoChoiceNote = .say(.carriedOn(summary: resume.summary))
            return start(.readSavedAPIKey(path: saved, serviceIAMID: serviceID.iamID), .readingSavedKey, in: &state)
        }
        state.autoChoiceNote = .say(.carriedOnCheckForm(summary: resume.summary))
        return []
    }
}
