#!/usr/bin/env python3
"""Conformance suite: IBM's own published Python SDKs, unchanged, against ibmcloud-emulator.

Run through scripts/conformance, which pins the SDK versions, starts the emulator and passes
--endpoints (the JSON the emulator writes with --write-endpoints).

Every check prints `PASS name` or `FAIL name: reason`; the last line is `N passed, N failed`.
The exit code is 0 only if nothing failed. A check whose prerequisite failed is reported as a
failure too (never skipped), so the count of checks is the same on every run.

Every response is parsed into the SDK's own model (`ServiceId.from_dict`, `Policy.from_dict`, ...):
a field the SDK requires that the emulator leaves out, or a value of the wrong type, fails the check.
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
import time
import traceback
import uuid
from dataclasses import dataclass

import requests
from ibm_cloud_sdk_core import ApiException
from ibm_cloud_sdk_core.authenticators import BearerTokenAuthenticator, IAMAuthenticator
from ibm_platform_services import (
    IamIdentityV1,
    IamPolicyManagementV1,
    ResourceControllerV2,
    ResourceManagerV2,
)
from ibm_platform_services.iam_identity_v1 import ApiKey, ApiKeyList, ServiceId, ServiceIdList
from ibm_platform_services.iam_policy_management_v1 import (
    Policy,
    PolicyCollection,
    PolicyResource,
    PolicyRole,
    PolicySubject,
    ResourceAttribute,
    RoleCollection,
    SubjectAttribute,
)
from ibm_platform_services.resource_controller_v2 import (
    ResourceInstance,
    ResourceInstancesList,
    ResourceInstancesPager,
)
from ibm_platform_services.resource_manager_v2 import ResourceGroup, ResourceGroupList
from keyprotect.ibm_key_protect_api_v2 import CollectionMetadataListKeys, IbmKeyProtectApiV2, ListKeys

# --- The emulator's standard world (Sources/CloudEmulator/World/EmulatorWorld+Standard.swift) ---
SANDBOX_API_KEY = "sandbox-user-apikey-0000000000000000000000000001"
KEY_PROTECT_RESOURCE_ID = "ee41347f-b18e-4ca6-bf80-b5467c63f9a6"
READER_ROLE_CRN = "crn:v1:bluemix:public:iam::::serviceRole:Reader"
# Key Protect's default key states, passed explicitly by the checks that test something other than
# the default parameters (so that a default-parameter mismatch does not hide their findings).
ALL_KEY_STATES = [0, 1, 2, 3]

# Each HTTP call made by an SDK gives up after this many seconds.
HTTP_TIMEOUT = 15


@dataclass(frozen=True)
class KeyProtectInstance:
    guid: str
    region_id: str
    name: str | None


class PrerequisiteFailed(Exception):
    """A check needs a value that an earlier, failed check should have produced."""


class Suite:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0
        self.state: dict = {}

    def need(self, *names: str):
        missing = [name for name in names if self.state.get(name) is None]
        if missing:
            raise PrerequisiteFailed("prerequisite missing (an earlier check failed): " + ", ".join(missing))
        values = tuple(self.state[name] for name in names)
        return values[0] if len(values) == 1 else values

    def check(self, name: str, function) -> None:
        started = time.monotonic()
        try:
            function()
        except ApiException as error:
            self.fail(name, describe_api_exception(error))
        except PrerequisiteFailed as error:
            self.fail(name, str(error))
        except AssertionError as error:
            self.fail(name, str(error) or "assertion failed: " + last_frame(error))
        except Exception as error:  # noqa: BLE001 - any exception (e.g. from_dict) is a failure
            self.fail(name, f"{type(error).__name__}: {error} ({last_frame(error)})")
        else:
            self.passed += 1
            print(f"PASS {name} ({time.monotonic() - started:.2f}s)", flush=True)

    def fail(self, name: str, reason: str) -> None:
        self.failed += 1
        print(f"FAIL {name}: {one_line(reason)}", flush=True)


def one_line(text: str, limit: int = 1500) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit] + "..."


def last_frame(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return "no traceback"
    frame = frames[-1]
    return f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}"


def describe_api_exception(error: ApiException) -> str:
    response = error.http_response
    sent = ""
    body = ""
    if response is not None:
        request = response.request
        sent = f"{request.method} {request.url} -> "
        body = response.text[:600]
    return f"{sent}HTTP {error.code}: {error.message} body={body}"


def decode_jwt_payload(token: str) -> dict:
    parts = token.split(".")
    assert len(parts) == 3, f"access token is not a JWT (has {len(parts)} dot-separated parts)"
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    return json.loads(base64.urlsafe_b64decode(payload.encode("ascii")))


def result_dict(response) -> dict:
    """The JSON body of a DetailedResponse, whether the SDK already decoded it or not."""
    result = response.get_result()
    if isinstance(result, requests.Response):
        assert is_json(result.headers.get("Content-Type", "")), (
            f"response Content-Type {result.headers.get('Content-Type')!r} is not JSON; body={result.text[:300]}"
        )
        result = result.json()
    assert isinstance(result, dict), f"expected a JSON object, got {type(result).__name__}: {str(result)[:300]}"
    return result


def is_json(content_type: str) -> bool:
    media = content_type.split(";")[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


def status_of(response, expected: int, what: str) -> None:
    assert response.get_status_code() == expected, (
        f"{what}: expected HTTP {expected}, got {response.get_status_code()}"
    )


def expect_api_exception(code: int, what: str, call) -> ApiException:
    try:
        response = call()
    except ApiException as error:
        assert error.code == code, f"{what}: expected ApiException {code}, got {describe_api_exception(error)}"
        return error
    raise AssertionError(
        f"{what}: expected ApiException {code}, but the call succeeded with HTTP {response.get_status_code()}: "
        f"{str(response.get_result())[:300]}"
    )


def iam_authenticator(apikey: str, iam_url: str) -> IAMAuthenticator:
    authenticator = IAMAuthenticator(apikey, url=iam_url)
    authenticator.token_manager.http_config = {"timeout": HTTP_TIMEOUT}
    return authenticator


def configure(service, url: str):
    service.set_service_url(url)
    service.set_http_config({"timeout": HTTP_TIMEOUT})
    return service


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoints", required=True, help="endpoints JSON written by 'ibmcloud-emulator serve --write-endpoints'")
    parser.add_argument("--region", default="us-south", help="Key Protect region of the instance to list keys in")
    args = parser.parse_args()

    with open(args.endpoints, encoding="utf-8") as handle:
        endpoints = json.load(handle)
    iam_url = endpoints["iam"].rstrip("/")
    accounts_url = endpoints.get("accounts", iam_url).rstrip("/")
    rc_url = endpoints["resource_controller"].rstrip("/")
    kp_template = endpoints["key_protect"]
    print(f"endpoints: iam={iam_url} accounts={accounts_url} resource_controller={rc_url} key_protect={kp_template}", flush=True)

    suite = Suite()
    s = suite.state
    run_tag = uuid.uuid4().hex[:8]
    sid_name = f"conformance-sid-{run_tag}"

    # ---------------------------------------------------------------- 1. IAM token
    def iam_token():
        authenticator = iam_authenticator(SANDBOX_API_KEY, iam_url)
        token = authenticator.token_manager.get_token()
        claims = decode_jwt_payload(token)
        account = claims.get("account") or {}
        assert isinstance(account, dict) and account.get("bss"), f"token claims have no account.bss: {claims}"
        assert claims.get("iam_id"), f"token claims have no iam_id: {claims}"
        s["authenticator"] = authenticator
        s["account_id"] = account["bss"]
        s["user_iam_id"] = claims["iam_id"]
        print(f"  account.bss={s['account_id']} iam_id={s['user_iam_id']}", flush=True)

    suite.check("iam.token.apikey_grant", iam_token)

    def services():
        authenticator = suite.need("authenticator")
        s["identity"] = configure(IamIdentityV1(authenticator=authenticator), iam_url)
        s["policy"] = configure(IamPolicyManagementV1(authenticator=authenticator), iam_url)
        s["manager"] = configure(ResourceManagerV2(authenticator=authenticator), rc_url)
        s["controller"] = configure(ResourceControllerV2(authenticator=authenticator), rc_url)

    try:
        services()
    except PrerequisiteFailed:
        pass

    # ---------------------------------------------------------------- 2. IAM Identity
    def create_service_id():
        identity, account_id = suite.need("identity", "account_id")
        response = identity.create_service_id(account_id=account_id, name=sid_name, description="conformance suite")
        status_of(response, 201, "create_service_id")
        body = result_dict(response)
        model = ServiceId.from_dict(body)
        assert model.name == sid_name, f"name {model.name!r} != {sid_name!r}"
        assert model.account_id == account_id, f"account_id {model.account_id!r} != {account_id!r}"
        assert model.id and model.iam_id, "id or iam_id empty"
        assert model.entity_tag, "entity_tag empty"
        assert model.apikey is None, "apikey present though none was requested"
        s["sid"] = model

    suite.check("identity.create_service_id", create_service_id)

    def create_service_id_same_name():
        identity, account_id, first = suite.need("identity", "account_id", "sid")
        response = identity.create_service_id(account_id=account_id, name=sid_name)
        status_of(response, 201, "second create_service_id")
        model = ServiceId.from_dict(result_dict(response))
        assert model.id != first.id, f"second create with the same name returned the same id {model.id}"
        assert model.name == sid_name
        s["sid2"] = model

    suite.check("identity.create_service_id.same_name_makes_second_id", create_service_id_same_name)

    def list_service_ids():
        identity, account_id, first, second = suite.need("identity", "account_id", "sid", "sid2")
        response = identity.list_service_ids(account_id=account_id, name=sid_name)
        status_of(response, 200, "list_service_ids")
        page = ServiceIdList.from_dict(result_dict(response))
        ids = sorted(item.id for item in page.serviceids)
        assert ids == sorted([first.id, second.id]), f"list by name gave {ids}, expected both created IDs"
        assert all(item.name == sid_name for item in page.serviceids)

    suite.check("identity.list_service_ids.by_name", list_service_ids)

    def get_service_id():
        identity, first = suite.need("identity", "sid")
        response = identity.get_service_id(id=first.id)
        status_of(response, 200, "get_service_id")
        model = ServiceId.from_dict(result_dict(response))
        assert model.id == first.id and model.iam_id == first.iam_id
        assert model.entity_tag == first.entity_tag, f"entity_tag changed without an update: {first.entity_tag} -> {model.entity_tag}"
        etag = response.get_headers().get("ETag")
        if etag is not None:
            assert etag.strip('"') == model.entity_tag, f"ETag header {etag!r} != entity_tag {model.entity_tag!r}"

    suite.check("identity.get_service_id", get_service_id)

    def update_service_id():
        identity, first = suite.need("identity", "sid")
        response = identity.update_service_id(id=first.id, if_match=first.entity_tag, description="updated by conformance")
        status_of(response, 200, "update_service_id")
        model = ServiceId.from_dict(result_dict(response))
        assert model.description == "updated by conformance", f"description {model.description!r}"
        assert model.entity_tag and model.entity_tag != first.entity_tag, "entity_tag did not change on update"
        again = ServiceId.from_dict(result_dict(identity.get_service_id(id=first.id)))
        assert again.description == "updated by conformance", "update not visible in get_service_id"
        s["sid"] = model

    suite.check("identity.update_service_id.if_match", update_service_id)

    def create_api_key():
        identity, account_id, first = suite.need("identity", "account_id", "sid")
        response = identity.create_api_key(
            name=f"conformance-key-{run_tag}", iam_id=first.iam_id, account_id=account_id, description="conformance"
        )
        status_of(response, 201, "create_api_key")
        model = ApiKey.from_dict(result_dict(response))
        assert model.iam_id == first.iam_id, f"iam_id {model.iam_id!r} != {first.iam_id!r}"
        assert model.apikey, "create_api_key returned no apikey value"
        s["apikey"] = model

    suite.check("identity.create_api_key.value_on_create", create_api_key)

    def get_api_key():
        identity, created = suite.need("identity", "apikey")
        response = identity.get_api_key(id=created.id)
        status_of(response, 200, "get_api_key")
        body = result_dict(response)
        assert not body.get("apikey"), "get_api_key revealed the secret apikey value"
        model = ApiKey.from_dict(body)
        assert model.id == created.id and model.iam_id == created.iam_id

    suite.check("identity.get_api_key.no_value", get_api_key)

    def list_api_keys():
        identity, account_id, created = suite.need("identity", "account_id", "apikey")
        response = identity.list_api_keys(account_id=account_id, iam_id=created.iam_id)
        status_of(response, 200, "list_api_keys")
        body = result_dict(response)
        rows = body.get("apikeys") or []
        assert [row.get("id") for row in rows] == [created.id], f"keys of the service ID: {[row.get('id') for row in rows]}"
        assert not any(row.get("apikey") for row in rows), "list_api_keys revealed a secret apikey value"
        ApiKeyList.from_dict(body)

    suite.check("identity.list_api_keys.by_iam_id", list_api_keys)

    # ---------------------------------------------------------------- 3. IAM Policy Management
    def list_roles():
        policy = suite.need("policy")
        response = policy.list_roles(service_name="kms")
        status_of(response, 200, "list_roles")
        roles = RoleCollection.from_dict(result_dict(response))
        crns = [role.crn for role in roles.service_roles or []]
        assert READER_ROLE_CRN in crns, f"Reader ({READER_ROLE_CRN}) not among kms service_roles {crns}"
        assert roles.system_roles, "no system_roles"

    suite.check("policy.list_roles.kms", list_roles)

    def kp_instance() -> KeyProtectInstance:
        # The Key Protect instance the policy and the Key Protect checks use, found through Resource
        # Controller. Read from the raw JSON on purpose: whether ResourceInstance.from_dict accepts it
        # is the Resource Controller check's business, and must not hide what the later checks find.
        if s.get("kp_instance") is not None:
            return s["kp_instance"]
        controller = suite.need("controller")
        result = result_dict(controller.list_resource_instances(resource_id=KEY_PROTECT_RESOURCE_ID, limit=100))
        regional = [item for item in result.get("resources") or [] if item.get("region_id") == args.region]
        assert regional, f"no Key Protect instance in {args.region} in the token's account: {result}"
        item = regional[0]
        s["kp_instance"] = KeyProtectInstance(guid=item["guid"], region_id=item["region_id"], name=item.get("name"))
        return s["kp_instance"]

    def create_policy():
        policy, account_id, first = suite.need("policy", "account_id", "sid")
        instance = kp_instance()
        response = policy.create_policy(
            type="access",
            subjects=[PolicySubject(attributes=[SubjectAttribute(name="iam_id", value=first.iam_id)])],
            roles=[PolicyRole(role_id=READER_ROLE_CRN)],
            resources=[
                PolicyResource(
                    attributes=[
                        ResourceAttribute(name="accountId", value=account_id),
                        ResourceAttribute(name="serviceName", value="kms"),
                        ResourceAttribute(name="serviceInstance", value=instance.guid),
                    ]
                )
            ],
            description="conformance: Reader on one Key Protect instance",
        )
        status_of(response, 201, "create_policy")
        model = Policy.from_dict(result_dict(response))
        assert model.id, "policy has no id"
        assert model.type == "access", f"type {model.type!r}"
        subject_values = [a.value for subject in model.subjects or [] for a in subject.attributes or [] if a.name == "iam_id"]
        assert subject_values == [first.iam_id], f"subjects {subject_values}"
        assert [role.role_id for role in model.roles or []] == [READER_ROLE_CRN], "roles differ"
        attributes = {a.name: a.value for resource in model.resources or [] for a in resource.attributes or []}
        expected = {"accountId": account_id, "serviceName": "kms", "serviceInstance": instance.guid}
        assert attributes == expected, f"resource attributes {attributes} != {expected}"
        s["policy_model"] = model
        s["policy_args"] = (first.iam_id, account_id, instance.guid)

    suite.check("policy.create_policy.v1_service_id_on_kms_instance", create_policy)

    def create_policy_duplicate():
        policy, (iam_id, account_id, guid) = suite.need("policy", "policy_args")
        expect_api_exception(
            409,
            "duplicate create_policy",
            lambda: policy.create_policy(
                type="access",
                subjects=[PolicySubject(attributes=[SubjectAttribute(name="iam_id", value=iam_id)])],
                roles=[PolicyRole(role_id=READER_ROLE_CRN)],
                resources=[
                    PolicyResource(
                        attributes=[
                            ResourceAttribute(name="accountId", value=account_id),
                            ResourceAttribute(name="serviceName", value="kms"),
                            ResourceAttribute(name="serviceInstance", value=guid),
                        ]
                    )
                ],
            ),
        )

    suite.check("policy.create_policy.duplicate_conflict_409", create_policy_duplicate)

    def list_policies():
        policy, account_id, first, created = suite.need("policy", "account_id", "sid", "policy_model")
        response = policy.list_policies(account_id=account_id, iam_id=first.iam_id)
        status_of(response, 200, "list_policies")
        collection = PolicyCollection.from_dict(result_dict(response))
        ids = [item.id for item in collection.policies or []]
        assert ids == [created.id], f"policies for the service ID: {ids}, expected [{created.id}]"
        everything = PolicyCollection.from_dict(result_dict(policy.list_policies(account_id=account_id)))
        assert created.id in [item.id for item in everything.policies or []], "new policy missing from the account-wide list"

    suite.check("policy.list_policies", list_policies)

    def get_policy():
        policy, created = suite.need("policy", "policy_model")
        response = policy.get_policy(policy_id=created.id)
        status_of(response, 200, "get_policy")
        model = Policy.from_dict(result_dict(response))
        assert model.id == created.id
        assert model.to_dict().get("resources") == created.to_dict().get("resources"), "resources differ from create"

    suite.check("policy.get_policy", get_policy)

    # ---------------------------------------------------------------- 4. Resource Manager
    def list_resource_groups():
        manager, account_id = suite.need("manager", "account_id")
        response = manager.list_resource_groups(account_id=account_id)
        status_of(response, 200, "list_resource_groups")
        body = result_dict(response)
        groups = ResourceGroupList.from_dict(body)
        models = [ResourceGroup.from_dict(item) for item in body.get("resources", [])]
        assert groups.resources, "no resource groups"
        assert all(group.account_id == account_id for group in models), "a group of another account"
        assert sum(1 for group in models if group.default) == 1, "not exactly one default group"

    suite.check("resource_manager.list_resource_groups", list_resource_groups)

    # ---------------------------------------------------------------- 5. Resource Controller
    def list_resource_instances_paged():
        # Paging semantics are asserted on the raw rows first, the SDK models last, so that a model
        # mismatch does not hide a paging bug (the failure reason says which part failed).
        controller, account_id = suite.need("controller", "account_id")
        first_page = controller.list_resource_instances(resource_id=KEY_PROTECT_RESOURCE_ID, limit=1)
        status_of(first_page, 200, "list_resource_instances")
        first_body = result_dict(first_page)
        assert len(first_body.get("resources") or []) == 1, f"limit=1 gave {len(first_body.get('resources') or [])} rows"
        assert first_body.get("rows_count") == 1, f"rows_count {first_body.get('rows_count')!r} with one row"
        assert first_body.get("next_url"), "limit=1 gave no next_url although the account has several Key Protect instances"

        pager = ResourceInstancesPager(client=controller, resource_id=KEY_PROTECT_RESOURCE_ID, limit=1)
        pages = 0
        rows = []
        while pager.has_next():
            page = pager.get_next()
            pages += 1
            assert len(page) <= 1, f"page {pages} has {len(page)} rows with limit=1"
            rows.extend(page)
            assert pages <= 50, "pager did not stop after 50 pages"
        assert pages >= 2, f"only {pages} page(s)"
        guids = [row.get("guid") for row in rows]
        assert len(set(guids)) == len(guids), f"an instance appeared twice across pages: {guids}"
        assert all(row.get("resource_id") == KEY_PROTECT_RESOURCE_ID for row in rows), "a non-Key-Protect instance"
        assert all(row.get("account_id") == account_id for row in rows), "an instance of another account"
        whole = result_dict(controller.list_resource_instances(resource_id=KEY_PROTECT_RESOURCE_ID, limit=100))
        expected = sorted(row.get("guid") for row in whole.get("resources") or [])
        assert sorted(guids) == expected, f"paged {sorted(guids)} != unpaged {expected}"
        print(f"  {pages} pages, {len(guids)} Key Protect instances (paging semantics OK)", flush=True)

        # The SDK's models. (ResourceInstancesList is parsed only where next_url is set: the SDK
        # model requires next_url to be non-null, which a last page never is.)
        ResourceInstancesList.from_dict(first_body)
        for row in rows + list(whole.get("resources") or []):
            ResourceInstance.from_dict(row)

    suite.check("resource_controller.list_resource_instances.pager_limit_1", list_resource_instances_paged)

    # ---------------------------------------------------------------- 6. Key Protect
    def kp_client(authenticator) -> IbmKeyProtectApiV2:
        instance = suite.need("kp_instance")
        return configure(IbmKeyProtectApiV2(authenticator=authenticator), kp_template.replace("{region}", instance.region_id))

    def key_protect_list_keys():
        created, instance = suite.need("apikey", "kp_instance")
        client = kp_client(iam_authenticator(created.apikey, iam_url))
        claims = decode_jwt_payload(client.authenticator.token_manager.get_token())
        assert claims.get("iam_id") == suite.need("sid").iam_id, f"service ID key gave a token for {claims.get('iam_id')}"
        response = client.get_keys(bluemix_instance=instance.guid, state=ALL_KEY_STATES)
        status_of(response, 200, "get_keys")
        listing = ListKeys.from_dict(result_dict(response))
        assert isinstance(listing.metadata, CollectionMetadataListKeys)
        resources = listing.resources or []
        assert listing.metadata.collection_total == len(resources), (
            f"collectionTotal {listing.metadata.collection_total} != {len(resources)} resources"
        )
        assert resources, f"no keys listed in {instance.name} ({instance.guid})"
        assert all(key.crn and instance.guid in key.crn for key in resources), "a key whose crn is not of this instance"
        s["kp_key_count"] = len(resources)
        print(f"  {len(resources)} keys in {instance.name}", flush=True)

    suite.check("key_protect.get_keys.service_id_with_reader_policy", key_protect_list_keys)

    def key_protect_list_keys_defaults():
        # get_keys with only the required argument, as IBM's own README, examples and integration
        # test call it. (The SDK then sends an empty `state=` query parameter.)
        created, instance = suite.need("apikey", "kp_instance")
        client = kp_client(iam_authenticator(created.apikey, iam_url))
        response = client.get_keys(bluemix_instance=instance.guid)
        status_of(response, 200, "get_keys")
        listing = ListKeys.from_dict(result_dict(response))
        count = suite.state.get("kp_key_count")
        if count is not None:
            assert len(listing.resources or []) == count, f"{len(listing.resources or [])} keys, {count} with state=0,1,2,3"

    suite.check("key_protect.get_keys.default_parameters", key_protect_list_keys_defaults)

    def key_protect_key_total():
        created, instance, count = suite.need("apikey", "kp_instance", "kp_key_count")
        client = kp_client(iam_authenticator(created.apikey, iam_url))
        response = client.get_key_collection_metadata(bluemix_instance=instance.guid, state=ALL_KEY_STATES)
        status_of(response, 200, "get_key_collection_metadata (HEAD)")
        total = response.get_headers().get("Key-Total")
        assert total is not None, f"no Key-Total header: {dict(response.get_headers())}"
        assert int(total) == count, f"Key-Total {total} != {count} listed keys"

    suite.check("key_protect.get_key_collection_metadata.key_total", key_protect_key_total)

    def key_protect_without_policy():
        identity, account_id, second, instance = suite.need("identity", "account_id", "sid2", "kp_instance")
        key = ApiKey.from_dict(
            result_dict(identity.create_api_key(name=f"conformance-nopolicy-{run_tag}", iam_id=second.iam_id, account_id=account_id))
        )
        client = kp_client(iam_authenticator(key.apikey, iam_url))
        expect_api_exception(401, "get_keys by a service ID without any policy", lambda: client.get_keys(bluemix_instance=instance.guid, state=ALL_KEY_STATES))

    suite.check("key_protect.get_keys.no_policy_401", key_protect_without_policy)

    def key_protect_bearer_token():
        # The same listing with a plain bearer token (how TokenWizard's users call Key Protect).
        created, instance, count = suite.need("apikey", "kp_instance", "kp_key_count")
        token = iam_authenticator(created.apikey, iam_url).token_manager.get_token()
        client = kp_client(BearerTokenAuthenticator(token))
        listing = ListKeys.from_dict(result_dict(client.get_keys(bluemix_instance=instance.guid, state=ALL_KEY_STATES, limit=1)))
        assert len(listing.resources or []) == min(1, count), f"limit=1 gave {len(listing.resources or [])} keys"

    suite.check("key_protect.get_keys.bearer_token_limit_1", key_protect_bearer_token)

    # ---------------------------------------------------------------- cleanup: delete_service_id
    def delete_service_ids():
        identity, first, second = suite.need("identity", "sid", "sid2")
        for sid in (first, second):
            response = identity.delete_service_id(id=sid.id)
            status_of(response, 204, "delete_service_id")
            expect_api_exception(404, "get_service_id after delete", lambda sid=sid: identity.get_service_id(id=sid.id))
        if s.get("apikey") is not None:
            expect_api_exception(404, "get_api_key of a deleted service ID's key", lambda: identity.get_api_key(id=s["apikey"].id))

    suite.check("identity.delete_service_id", delete_service_ids)

    print(f"{suite.passed} passed, {suite.failed} failed", flush=True)
    return 0 if suite.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
