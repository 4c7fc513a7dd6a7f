import CloudCore
import Foundation
import WizardCore

/// Performs the wizard's calls against IBM Cloud (through ``CloudAPI``) and the file system.
/// The only place logic meets I/O, apart from the terminal.
public struct EffectRunner: Sendable {
    public let api: any CloudAPI
    public let files: SecretFileWriter

    public init(api: any CloudAPI, files: SecretFileWriter = SecretFileWriter()) {
        self.api = api
        self.files = files
    }

    /// Runs `call` as ``perform(_:)`` does, telling `onRetryWait` about each wait of the retry
    /// loop (e.g. a 429's `Retry-After`) and about a retry given up, so the screen can count down.
    public func perform(_ call: Call, onRetryWait: @escaping @Sendable (RetryWait) -> Void) async -> Result<CallOutput, CallFailure> {
        await RetryWaitObserver.$current.withValue(onRetryWait) { await perform(call) }
    }

    /// Runs `call`; never throws: failures come back as ``CallFailure``.
    public func perform(_ call: Call) async -> Result<CallOutput, CallFailure> {
        do {
            return .success(try await output(of: call))
        } catch let error as CloudError {
            return .failure(.cloud(error))
        } catch let error as SecretFileWriter.WriteError {
            return .failure(.file(path: path(of: call), message: error.description))
        } catch let error as ExternalTool.Failure {
            return .failure(.file(path: path(of: call), message: error.description))
        } catch {
            return .failure(.cloud(.transport(service: .iam, failure: .other(detail: String(describing: error).sanitizedForDisplay))))
        }
    }

    private func path(of call: Call) -> String {
        switch call {
        case .saveAPIKey(_, let path), .saveToken(_, let path), .readAPIKeyFile(let path), .saveScript(_, let path, _),
             .readSavedAPIKey(let path, _): path
        case .openInBrowser(let url), .makeQRCode(let url): url
        default: ""
        }
    }

    private func output(of call: Call) async throws -> CallOutput {
        switch call {
        case .discoverOIDC: return .oidc(try await api.discoverOIDC())
        case .openInBrowser(let url):
            try ExternalTool.run("xdg-open", [url], timeout: 5, waitForExit: false)
            return .opened
        case .makeQRCode(let text):
            let output = try ExternalTool.run("qrencode", ["-t", "UTF8", "-m", "1", "-o", "-", text], timeout: 5)
            return .qrCode(lines: output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty })
        case .loginWithAPIKey(let key): return .token(try await api.token(apiKey: key))
        case .loginWithPasscode(let code): return .token(try await api.token(passcode: code))
        case .loginWithPassword(let username, let password, let code):
            return .token(try await api.token(username: username, password: password, securityCode: code))
        case .readAPIKeyFile(let path): return .apiKeyValue(try APIKeyFileReader.read(path))
        case .readSavedAPIKey(let path, let serviceIAMID):
            return .apiKey(try APIKeyFileReader.readSaved(path, serviceIAMID: serviceIAMID))
        case .scopeToAccount(let refresh, let account): return .token(try await api.refresh(refresh, accountID: account))
        case .listAccounts(let token): return .accounts(try await api.accounts(token: token))
        case .listInstances(let account, let token):
            return .instances(try await api.keyProtectInstances(accountID: account, resourceGroupID: nil, token: token))
        case .listResourceGroups(let account, let token):
            return .resourceGroups(try await api.resourceGroups(accountID: account, token: token))
        case .findServiceIDs(let name, let account, let token):
            return .serviceIDs(try await api.serviceIDs(named: name, accountID: account, token: token))
        case .createServiceID(let name, let description, let account, let token):
            return .serviceID(try await api.createServiceID(name: name, description: description, accountID: account, token: token))
        case .listRoles(let account, let token): return .roles(try await api.keyProtectRoles(accountID: account, token: token))
        case .createPolicy(let subject, let role, let account, let scope, let token):
            return .policy(try await api.createAccessPolicy(subjectIAMID: subject, roleCRN: role, accountID: account, scope: scope, token: token))
        case .createAPIKey(let name, let description, let serviceIAMID, let account, let token):
            return .apiKey(try await api.createAPIKey(name: name, description: description, serviceIAMID: serviceIAMID, accountID: account, token: token))
        case .findAPIKeys(let name, let serviceIAMID, let account, let token):
            return .apiKeyInfos(try await api.apiKeys(named: name, serviceIAMID: serviceIAMID, accountID: account, token: token))
        case .deleteCreated(let serviceID, let policyID, let keys, let token):
            for id in keys { try await api.deleteAPIKey(id: id, token: token) }
            if let policyID { try await api.deleteAccessPolicy(id: policyID, token: token) }
            if let serviceID { try await api.deleteServiceID(id: serviceID, token: token) }
            return .deleted
        case .deleteAPIKeys(let ids, let token):
            for id in ids { try await api.deleteAPIKey(id: id, token: token) }
            return .deleted
        case .saveAPIKey(let key, let path):
            return .saved(path: try files.write(SecretFileWriter.apiKeyFileContents(key), to: path, overwrite: false))
        case .exchangeAPIKey(let key): return .token(try await api.token(apiKey: key))
        case .checkSavePaths(let keyPath, let tokenPath):
            return .pathsChecked(problem: SavePathChecker.check(keyPath: keyPath, tokenPath: tokenPath))
        case .saveScript(let contents, let path, let replacing):
            if replacing { return .saved(path: try files.write(Data(contents.utf8), to: path, overwrite: true)) }
            let base = (path as NSString).deletingPathExtension, ext = (path as NSString).pathExtension
            var candidate = path
            for n in 2...99 where FileManager.default.fileExists(atPath: SavePathChecker.absolute(candidate)) {
                candidate = "\(base)-\(n)" + (ext.isEmpty ? "" : ".\(ext)")
            }
            return .saved(path: try files.write(Data(contents.utf8), to: candidate, overwrite: false))
        case .saveToken(let token, let path):
            // Replace only an earlier token file: never a key file or anything else.
            let absolute = SavePathChecker.absolute(path)
            if FileManager.default.fileExists(atPath: absolute), !SavePathChecker.isEarlierTokenFile(absolute) {
                throw SecretFileWriter.WriteError(description: "a file that is not a token file is there; it is not replaced")
            }
            return .saved(path: try files.write(Data(token.rawResponse.exposedValue.utf8), to: path, overwrite: true))
        case .listKeys(let region, let instanceGUID, let token):
            return .keys(try await api.listKeys(region: region, instanceGUID: instanceGUID, token: token))
        }
    }
}
