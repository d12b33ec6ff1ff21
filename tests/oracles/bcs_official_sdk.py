"""Independent oracle: Huawei's official BCS client (huaweicloudsdkbcs + huaweicloudsdkcore, PyPI)
against the sandbox's BCS, so its routes, AK/SK verifier and state are checked by code we did not
write.

    CHAINKIT_SANDBOX_URL=http://127.0.0.1:PORT python tests/oracles/bcs_official_sdk.py

The client is pointed at the sandbox by endpoint (no region lookup) with the sandbox's default
AK/SK credentials. It creates a Fabric instance, sees it listed, waits for its operation record
to finish, creates a channel and sees it listed; then the same client with a wrong SK must get
the gateway's 401 APIGW.0301.
"""

import os
import sys
import time

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkbcs.v2 import (
    BatchCreateChannelsRequest,
    BatchCreateChannelsRequestBody,
    BcsClient,
    CCEClusterInfo,
    ChannelCreateInfo,
    CreateNewBlockchainRequest,
    CreateRequestBody,
    ListBlockchainChannelsRequest,
    ListBlockchainsRequest,
    ListOpRecordRequest,
)

# tests/sandbox/src/config.rs defaults.
AK = "SANDBOXACCESSKEY0001"
SK = "sandbox-secret-access-key"
PROJECT = "0123456789abcdef0123456789abcdef"


def client(sk):
    config = HttpConfig.get_default_config()
    config.retry_times = 0
    return (
        BcsClient.new_builder()
        .with_http_config(config)
        .with_credentials(BasicCredentials(AK, sk, PROJECT))
        .with_endpoints([os.environ["CHAINKIT_SANDBOX_URL"]])
        .build()
    )


def check(ok, what):
    if not ok:
        sys.exit(f"FAIL: {what}")
    print(f"ok: {what}")


def main():
    bcs = client(SK)
    name = f"sdk-{int(time.time() * 1000) % 10**8}"
    created = bcs.create_new_blockchain(CreateNewBlockchainRequest(body=CreateRequestBody(
        name=name, version_type=4, fabric_version="2.2", blockchain_type="private", consensus="etcdraft",
        sign_algorithm="ECDSA", enterprise_project_id="0", database_type="goleveldb",
        resource_password="Sandbox@Pass1", orderer_node_number=3, cluster_type="cce", create_new_cluster=False,
        cce_cluster_info=CCEClusterInfo(cluster_id="c1", cluster_name="cluster-1",
                                        cluster_platform_type="VirtualMachine"))))
    check(created.blockchain_name == name and created.operation_id, "create_new_blockchain answers an operation id")

    listed = bcs.list_blockchains(ListBlockchainsRequest())
    check(any(b.id == created.blockchain_id and b.name == name for b in listed.blockchains)
          and listed.count == len(listed.blockchains), "list_blockchains shows the new instance")

    status = None
    for _ in range(50):
        records = bcs.list_op_record(ListOpRecordRequest(operation_id=created.operation_id)).operation_records
        status = records[0].operation_status if records else None
        if status == "finished":
            break
        time.sleep(0.1)
    check(status == "finished", "its operation record moves to finished")

    channel = "sdkchan01"
    answer = bcs.batch_create_channels(BatchCreateChannelsRequest(
        blockchain_id=created.blockchain_id,
        body=BatchCreateChannelsRequestBody(channels=[ChannelCreateInfo(channel_name=channel,
                                                                        channel_description="from the SDK")])))
    check(bool(answer.operation_id), "batch_create_channels answers an operation id")
    channels = bcs.list_blockchain_channels(ListBlockchainChannelsRequest(blockchain_id=created.blockchain_id))
    check(any(c.name == channel and c.description == "from the SDK" for c in channels.channels),
          "list_blockchain_channels shows the new channel")

    try:
        client("not-the-secret").list_blockchains(ListBlockchainsRequest())
        check(False, "a wrong SK is refused")
    except ClientRequestException as e:
        check(e.status_code == 401 and e.error_code == "APIGW.0301",
              f"a wrong SK gets 401 APIGW.0301 (got {e.status_code} {e.error_code})")
    print("official BCS SDK vs sandbox: all checks passed")


main()
