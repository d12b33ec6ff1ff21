"""Seed 001 through the methods expanded from core's one definition, end to end against the
sandbox (whose state shares no code with chainkit). Admin: login → roles, app types, developers
and apps, created, listed, edited and removed. External, with the key of an app the admin client
just created: wallets → payments → balance → publish → check → consume → the bill and resource
lists, walked page by page. Documented errors arrive typed."""

import time

import pytest

import chainkit
from chainkit import ApiError, Credentials, InvalidInputError, Secret, UnauthorizedError
from chainkit.ulord import (
    AppTypeEdit,
    Author,
    AuthorPage,
    BalanceQuery,
    Consumption,
    CustomerPage,
    DeveloperId,
    Login,
    NewApp,
    NewAppType,
    NewRole,
    NewWallet,
    Page,
    PaidCheck,
    PasswordChange,
    Payment,
    Publication,
    RecordId,
    Registration,
    RoleEdit,
    SecretReset,
    Username,
)

USERNAME, PASSWORD = "sandbox-dev", "sandbox-password"  # tests/sandbox default credentials
IPFS = "QmUH2NbKrURA6hAmJnhfP4VTDtkjUs3fVCN2L7DoE3JLmm"


@pytest.fixture()
def admin(sandbox: str) -> chainkit.ulord.UlordClient:
    return chainkit.Client(sandbox, credentials=Credentials.ulord_admin(USERNAME, PASSWORD)).ulord


def unique(name: str) -> str:
    """The sandbox is shared by every test run against it: names that must be unique get a suffix."""
    return f"{name}-{time.time_ns()}"


def test_admin_roles_types_developers_and_apps(admin: chainkit.ulord.UlordClient) -> None:
    login = admin.login_developer(Login(username=USERNAME, password=Secret(PASSWORD)))
    assert login.token.expose() and login.token.expose() not in repr(login)

    assert {"admin", "normal", "blocked"} <= {r.name for r in admin.list_roles().roles}
    role = admin.add_role(NewRole(name="auditor", des="审计")).id
    admin.edit_role(RoleEdit(id=role, name="auditor", des="审计员"))
    assert any(r.id == role and r.des == "审计员" for r in admin.list_roles().roles)
    assert admin.remove_role(RecordId(id=role)).num == 1
    assert admin.remove_role(RecordId(id=role)).num == 0

    kind = admin.add_app_type(NewAppType(parent_id=3, name="摄影", des="photo")).id
    photo = next(t for t in admin.list_app_types().types if t.id == 3)
    assert kind in {c.id for c in photo.children}
    admin.edit_app_type(AppTypeEdit(id=kind, name="摄影", des="photo", parent_id=4))
    video = next(t for t in admin.list_app_types().types if t.id == 4)
    assert kind in {c.id for c in video.children}
    assert admin.remove_app_type(RecordId(id=kind)).num == 1

    name = unique("py-dev")
    developer = admin.register_developer(Registration(username=name, password=Secret("pw-1"), role_id=7)).id
    admin.change_developer_password(PasswordChange(username=name, password=Secret("pw-1"), new_password=Secret("pw-2")))
    with pytest.raises(ApiError) as old:
        admin.login_developer(Login(username=name, password=Secret("pw-1")))
    assert old.value.code == "20004"
    admin.login_developer(Login(username=name, password=Secret("pw-2")))

    app = admin.add_app(NewApp(user_id=developer, appname=unique("py-blog"), apptype_id=7)).id
    [listed] = admin.list_apps(DeveloperId(user_id=developer)).apps
    assert (listed.id, listed.app_type, listed.appdes) == (app, 7, None)
    assert len(listed.appkey.expose()) == 32
    secret = admin.reset_app_secret(SecretReset(id=app, user_id=developer)).secret
    [listed] = admin.list_apps(DeveloperId(user_id=developer)).apps
    assert listed.secret.expose() == secret.expose() and listed.update_timed
    with pytest.raises(UnauthorizedError) as foreign:
        admin.reset_app_secret(SecretReset(id=app, user_id=1))
    assert foreign.value.code == "10013"
    assert admin.remove_app(RecordId(id=app)).num == 1
    assert admin.list_apps(DeveloperId(user_id=developer)).apps == []


def test_external_flow_with_a_new_apps_key(sandbox: str, admin: chainkit.ulord.UlordClient) -> None:
    app = admin.add_app(NewApp(user_id=1, appname=unique("py-e2e"), apptype_id=7, appdes="chainkit")).id
    key = next(a.appkey for a in admin.list_apps(DeveloperId(user_id=1)).apps if a.id == app)
    u = chainkit.Client(sandbox, credentials=Credentials.ulord_app_key(key)).ulord

    alice, bob = unique("alice"), unique("bob")
    for user in (alice, bob):
        assert u.create_wallet(NewWallet(username=user, pay_password=Secret(f"{user}-pay"))).id == user
    u.pay_to_user(Payment(is_developer=True, recv_user=alice, amount=10.0))
    u.pay_to_user(Payment(is_developer=False, send_user=alice, pay_password=Secret(f"{alice}-pay"),
                          recv_user=bob, amount=2.0))

    def balance(user: str) -> float:
        return u.get_balance(BalanceQuery(username=user, pay_password=Secret(f"{user}-pay"))).total

    assert balance(alice) == 8.0

    def publish(title: str, price: float) -> str:
        return u.publish_resource(Publication(
            author=bob, title=title, tag=["Python", "IPFS"], ipfs_hash=IPFS, price=price,
            content_type=".txt", pay_password=Secret(f"{bob}-pay"), description="blog description",
        )).claim_id

    blog, ad = publish("blog", 1.5), publish("ad", -0.5)
    check = PaidCheck(username=alice, claim_ids=[blog, ad])
    assert u.check_paid(check).claims == {blog: False, ad: False}
    consumed = u.consume_resource(Consumption(username=alice, claim_id=blog,
                                              customer_pay_password=Secret(f"{alice}-pay")))
    assert consumed.ipfs_hash == IPFS
    u.consume_resource(Consumption(username=alice, claim_id=ad, author_pay_password=Secret(f"{bob}-pay")))
    assert u.check_paid(check).claims == {blog: IPFS, ad: IPFS}
    assert (balance(alice), balance(bob)) == (7.0, 3.0)

    bills = list(u.publisher_bill_pages(AuthorPage(page=1, num=1, author=bob)))
    assert [(b.customer, b.price) for b in bills] == [(alice, 1.5), (alice, -0.5)]
    page = u.list_customer_bills(CustomerPage(page=1, num=1, customer=alice))
    assert (page.pages, page.total, len(page.records)) == (2, 2, 1)
    assert [b.claim_id for b in u.customer_bill_pages(CustomerPage(page=1, num=1, customer=alice))] == [blog, ad]
    inout = u.get_inout_summary(Username(username=alice))
    assert (inout.customer_expenditure.count, inout.customer_expenditure.sum) == (1, 1.5)
    assert inout.publisher_income.sum is None
    assert u.count_published_resources(Author(author=bob)).count == 2
    everything = u.list_resources(Page(page=1, num=1)).total
    assert len(list(u.resource_pages(Page(page=1, num=1)))) == everything
    mine = list(u.published_resource_pages(AuthorPage(page=1, num=1, author=bob)))
    assert [r.title for r in mine] == ["blog", "ad"] and mine[0].tags == ["Python", "IPFS"]
    used = u.list_consumed_resources(CustomerPage(page=1, num=10, customer=alice))
    assert ([r.claim_id for r in used.ads], [r.claim_id for r in used.consumes]) == ([ad], [blog])

    with pytest.raises(ApiError) as wrong:
        u.get_balance(BalanceQuery(username=alice, pay_password=Secret("nope")))
    assert (wrong.value.code, wrong.value.service) == ("20004", "ulord") and wrong.value.message
    with pytest.raises(InvalidInputError, match="page"):
        u.list_resources(Page(page=0, num=10))

    admin.remove_app(RecordId(id=app))
    with pytest.raises(UnauthorizedError) as gone:
        u.list_resources(Page(page=1, num=10))
    assert gone.value.code == "10001"


def test_models_are_python_classes() -> None:
    p = Payment(is_developer=True, recv_user="u", amount=1.5)
    assert p.send_user is None and p.pay_password is None
    with pytest.raises(TypeError, match="recv_user"):
        Payment(is_developer=True, amount=1.5)  # type: ignore[call-arg]
