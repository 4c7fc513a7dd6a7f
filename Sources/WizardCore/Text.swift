import CloudCore

/// Words for the user, as values. The core says what happened; each front end puts it into its
/// language (TerminalUI's strings tables: one exhaustive `switch` per language). Names, IDs and
/// paths travel as ``verbatim(_:)`` and are shown as they are in every language.
public indirect enum Text: Sendable, Hashable {
    /// A name, ID, path or other value shown as it is.
    case verbatim(String)
    /// One of the wizard's sentences.
    case phrase(Phrase)
    /// A failed IBM Cloud call, in the front end's words (the server's own text included).
    case problem(CloudError)
    /// Several texts one after another (the front end puts a space between them).
    case joined([Text])

    /// The phrase, when this is one.
    public var phrase: Phrase? {
        if case .phrase(let phrase) = self { return phrase }
        return nil
    }

    /// True when this text is or contains `phrase`.
    public func contains(_ phrase: Phrase) -> Bool {
        switch self {
        case .phrase(let own): own == phrase
        case .joined(let parts): parts.contains { $0.contains(phrase) }
        case .verbatim, .problem: false
        }
    }
}

/// Which field of a form a label names.
public enum FieldLabel: Sendable, Hashable {
    case apiKey, passcode, ibmid, password, securityCode, name, description, keyPath, tokenPath
}

/// Something the wizard created (or may have created) in the account.
public enum CreatedThing: Sendable, Hashable {
    case serviceID(name: String)
    case accessPolicy
    case apiKey(name: String?)
}

/// What a copy put on the clipboard.
public enum CopyTarget: Sendable, Hashable {
    /// `Bearer <token>`.
    case bearer
    /// The bare token.
    case bareToken
    /// `Authorization: Bearer <token>`.
    case headerLine
    /// A `curl` line for Key Protect list keys.
    case curlLine
}

/// Why a save path is refused before anything is created.
public enum PathReason: Sendable, Hashable {
    /// The key file and the token file are the same file.
    case sameFile
    /// A file is there already and is never overwritten (an API key file).
    case exists
    /// It names a folder.
    case isFolder
    /// A file that is not an earlier token file is there; it is not replaced.
    case notAnEarlierTokenFile
    /// A symbolic link to a file that does not exist (its target) is there; it is not followed.
    case danglingLink(target: String)
    /// The nearest existing ancestor is a file, not a folder.
    case folderIsAFile(folder: String)
    /// The folder cannot be written (permission denied or read-only).
    case folderNotWritable(folder: String)
}

/// Why a resumed run stopped carrying on.
public enum ResumeProblem: Sendable, Hashable {
    case otherAccount(last: String, now: String)
    case accountNotVisible(account: String)
    case regionNotOffered(region: String)
    case resourceGroupGone
    case instanceGone(name: String)
}

/// What the spinner says while a call runs.
public enum BusyReason: Sendable, Hashable {
    case findingPasscodePage, openingBrowser, drawingQRCode, loggingIn, loggingInWithAPIKey,
        loggingInWithPasscode, loggingInWithIBMid, loggingInWithKeyFile, readingKeyFile, readingSavedKey,
        checkingSavePaths, switchingAccount(name: String?), loadingAccounts, loadingInstances,
        loadingResourceGroups, lookingForServiceIDs(name: String?), creatingServiceID, loadingRoles,
        grantingRole(role: String?), creatingAPIKey, checkingAPIKeys, deletingLostAPIKey, deletingCreated,
        savingAPIKey, exchangingAPIKey, exchangingSavedKey, savingToken, savingOwnToken, savingScript,
        testingToken(attempt: Int), renewingSession, checkingLostServiceID, checkingLostAPIKey,
        refreshingToken, finishingKeySave
}

/// Every sentence the wizard's core can say. Tests assert on these values; the front ends hold
/// the words (English and Korean).
public enum Phrase: Sendable, Hashable {
    // Spinner and generic
    case busy(BusyReason)
    case cancelled
    case pressEnterToRetryOrEsc, pressEnterToRetry, loginMayHaveExpired
    case requestID(String)
    case unexpectedAnswer(BusyReason)

    // Log in
    case enterAPIKeyFirst, enterAPIKeyFirstHint, enterPasscodeFirst, enterPasscodeFirstHint
    case enterIBMidFirst, enterPassword, enterSecurityCode
    case fixItAndPressEnter
    case recognisedAPIKey(characters: Int), recognisedPasscode(characters: Int), recognisedKeyFile(path: String)
    case notRecognisedHasSpaces, ssoLineNeedsPasscodePage, loginLineWithoutCredentials
    case invisibleRemoved(count: Int, codes: [String])
    case pasteTooLong(pasted: Int, existing: Int, limit: Int), pasteTooLongHint
    case apiKeyNotAccepted, apiKeyNotAcceptedHint
    case federatedIBMid, federatedIBMidHint
    case secondFactorNeeded, secondFactorNeededHint
    case ibmidNotAccepted, ibmidNotAcceptedHint
    case passcodeNotAccepted, passcodeNotAcceptedHint
    case passcodePageOpening, passcodePageOpeningHint
    case couldNotOpenBrowser(detail: String), couldNotDrawQRCode(detail: String), openPageAnywhereHint
    case couldNotReadKeyFile(path: String, detail: String), couldNotReadKeyFileHint
    case couldNotUseSavedKey(path: String, detail: String), couldNotUseSavedKeyHint
    case startingAfresh
    case loginForOtherAccount(tokenAccount: String, account: String), loginForOtherAccountHint(account: String)
    case tokenForOtherAccount(tokenAccount: String, account: String), chooseAccountAgainHint
    case sessionExpired, sessionExpiredHint(step: Step?)
    case loggedInAgain

    // Lists and choices
    case noAccounts, noAccountsHint
    case accountOfAPIKey(account: String)
    case lineAccountNotUsed(account: String)
    case lineAccountChosen(account: String), lineAccountNotVisible(account: String)
    case lineRegionChosen(region: String), lineRegionUnknown(region: String)
    case lineGroupChosen(group: String), lineGroupUnknown(group: String)
    case onlyOneAccount(account: String)
    case onlyOneResourceGroup(group: String)
    case onlyOneInstance(group: String, instance: String)
    case noInstanceInGroup(group: String, region: String), noInstanceInGroupHint
    case nothingToChoose, nothingToChooseHint
    case nothingMatches(filter: String), nothingMatchesHint
    case instanceCount(Int)
    case defaultGroup(name: String)
    /// The resource group list opened on this group: the account's default one, or (when the
    /// default holds no Key Protect instance here) the one holding the most.
    case groupPreselected(group: String, region: String, isDefault: Bool, instances: Int)
    case instanceCountHere(count: Int, groupID: String)
    case rolesFallback
    case roleSummary(role: String, description: String)
    case managerWarning, managerWarningHint

    // Service ID
    case nameMissing(NamedThing), nameTooLong(NamedThing, characters: Int, limit: Int), nameHasControlCharacters(NamedThing)
    case fixNameHint
    case serviceIDsExist(name: String, count: Int), serviceIDsExistHint
    case reuseServiceID(name: String), createAnotherServiceID(name: String), severalServiceIDsAllowed
    case serviceIDCreatedOn(id: String, date: String)
    case serviceIDAlreadyHadRole
    case lostServiceIDFound

    // API key, plan and creating
    case givePath(SavedFile), typePathHint
    case sameFileForKeyAndToken, sameFileForKeyAndTokenHint, changeOnePath
    case pathRefused(path: String, reason: PathReason)
    case changePathHint, freeNameProposedHint
    case couldNotSave(path: String, detail: String), couldNotSaveHint
    case couldNotSaveScript(path: String, detail: String), couldNotSaveScriptHint
    case scriptSaved(path: String), scriptSavedHint
    case scriptAlreadySaved(path: String), enterCreatesEscGoesBack
    case createdSoFar([CreatedThing]), createdSoFarHint
    case cannotGoBack([CreatedThing]), cannotGoBackHint
    case keptServiceID(name: String, withPolicy: Bool), changeAndShowPlanHint
    case deleted([CreatedThing])
    case lostAPIKeyReplaced
    case mayHaveBeenCreatedHint
    case needAdministratorHint
    case keySavedRetryExchangeHint
    case unsavedKey, unsavedKeyHint
    case carriedOnWithSavedKey(path: String)
    case rateLimited(waitSeconds: Int?), rateLimitedAutoHint, rateLimitedHint(waitSeconds: Int?)

    // Resume
    case resumeAbandoned(ResumeProblem)
    case carriedOn(summary: ResumeSummary), carriedOnCheckForm(summary: ResumeSummary)

    // Final screen
    case copying(CopyTarget)
    case copied(CopyTarget, method: String)
    case copyFailed
    case clipboardCleared(method: String), clipboardNotCleared, clipboardKept
    case tokenExpiredRunAgain, tokenExpiredPressR, policyNotYetApplied, noRoleOrOtherAccount, keyProtectUnreachable

    // The plan's items
    case planServiceIDReuse(name: String, id: String), planServiceIDCreate(name: String, account: String?)
    case planPolicy(role: String, instance: String)
    case planAPIKey(name: String)
    case planFile(path: String, isToken: Bool)
}

/// The choices of an earlier run, as the login screen and the carried-on note name them.
public struct ResumeSummary: Sendable, Hashable {
    public var account: String
    public var region: String?
    public var instance: String?
    public var serviceID: String?
    public var role: String?
    /// True when that run saved its API key (the next start only makes a token).
    public var keySaved: Bool
    public init(account: String, region: String?, instance: String?, serviceID: String?, role: String?, keySaved: Bool) {
        self.account = account; self.region = region; self.instance = instance
        self.serviceID = serviceID; self.role = role; self.keySaved = keySaved
    }
}

/// Something the wizard names in a sentence about names.
public enum NamedThing: Sendable, Hashable { case serviceID, apiKey }

/// Which saved file a sentence is about.
public enum SavedFile: Sendable, Hashable { case apiKey, token }

extension Text {
    /// Shorthand for `.phrase(phrase)`.
    public static func say(_ phrase: Phrase) -> Text { .phrase(phrase) }

    /// The notes that are there, one after another; nil when none is.
    public static func joinedNotes(_ notes: [Text?]) -> Text? {
        let present = notes.compactMap { $0 }.flatMap { note -> [Text] in
            if case .joined(let parts) = note { return parts }
            return [note]
        }
        switch present.count {
        case 0: return nil
        case 1: return present[0]
        default: return .joined(present)
        }
    }
}
