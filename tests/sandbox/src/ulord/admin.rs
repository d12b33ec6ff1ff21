//! Seed 001 part 一 (after developer login): roles, app types, developer accounts and apps.

use serde_json::{json, Value};

use super::state::{id, text, timestamp, App, Body, Developer, Fail, Outcome, Platform, Wallet};

fn next<V>(map: &std::collections::BTreeMap<i64, V>) -> i64 {
    map.keys().next_back().map_or(1, |k| k + 1)
}

impl Platform {
    /// 1.A 角色添加.
    pub fn add_role(&mut self, b: &Body) -> Outcome {
        let (name, des) = (text(b, "name")?, text(b, "des")?);
        let id = next(&self.roles);
        self.roles.insert(id, (name.into(), des.into()));
        Ok(Some(json!({"id": id})))
    }

    /// 1.B 角色列表.
    pub fn list_roles(&mut self) -> Outcome {
        let rows = self
            .roles
            .iter()
            .map(|(id, (name, des))| json!({"des": des, "id": id, "name": name}));
        Ok(Some(rows.collect()))
    }

    /// 1.C 角色修改: no `result`, as documented.
    pub fn edit_role(&mut self, b: &Body) -> Outcome {
        let (id, name, des) = (id(b, "id")?, text(b, "name")?, text(b, "des")?);
        let role = self.roles.get_mut(&id).ok_or(Fail(20005))?;
        *role = (name.into(), des.into());
        Ok(None)
    }

    /// 1.D 角色删除: `num` is how many were removed (0 for an unknown id, like a Django delete).
    pub fn remove_role(&mut self, b: &Body) -> Outcome {
        let num = usize::from(self.roles.remove(&id(b, "id")?).is_some());
        Ok(Some(json!({"num": num})))
    }

    /// 2.A 类型添加; `parent_id` only below the top level, and it must exist.
    pub fn add_type(&mut self, b: &Body) -> Outcome {
        let (name, des) = (text(b, "name")?, text(b, "des")?);
        let parent = self.parent(b)?;
        let id = next(&self.types);
        self.types.insert(id, (name.into(), des.into(), parent));
        Ok(Some(json!({"id": id})))
    }

    fn parent(&self, b: &Body) -> Result<Option<i64>, Fail> {
        match b.get("parent_id") {
            None | Some(Value::Null) => Ok(None),
            Some(_) => {
                let p = id(b, "parent_id")?;
                self.types
                    .contains_key(&p)
                    .then_some(Some(p))
                    .ok_or(Fail(20005))
            }
        }
    }

    /// 2.B 类型列表: the tree, `children` only on types that have some.
    pub fn list_types(&mut self) -> Outcome {
        Ok(Some(Value::Array(self.type_rows(None))))
    }

    fn type_rows(&self, parent: Option<i64>) -> Vec<Value> {
        self.types
            .iter()
            .filter(|(_, t)| t.2 == parent)
            .map(|(id, (name, des, parent))| {
                let mut row = json!({"des": des, "id": id, "name": name, "parent_id": parent});
                let children = self.type_rows(Some(*id));
                if !children.is_empty() {
                    row["children"] = Value::Array(children);
                }
                row
            })
            .collect()
    }

    /// 2.C 类型修改; a type cannot move under itself or its own descendants (400).
    pub fn edit_type(&mut self, b: &Body) -> Outcome {
        let (id, name, des) = (id(b, "id")?, text(b, "name")?, text(b, "des")?);
        let parent = self.parent(b)?;
        if !self.types.contains_key(&id) {
            return Err(Fail(20005));
        }
        let mut up = parent;
        while let Some(p) = up {
            if p == id {
                return Err(Fail(400));
            }
            up = self.types.get(&p).and_then(|t| t.2);
        }
        self.types.insert(id, (name.into(), des.into(), parent));
        Ok(None)
    }

    /// 2.D 类型删除: with its subtypes (`num` counts them all).
    pub fn remove_type(&mut self, b: &Body) -> Outcome {
        let mut doomed = vec![id(b, "id")?];
        let mut num = 0;
        while let Some(t) = doomed.pop() {
            if self.types.remove(&t).is_some() {
                num += 1;
                doomed.extend(
                    self.types
                        .iter()
                        .filter(|(_, v)| v.2 == Some(t))
                        .map(|(k, _)| *k),
                );
            }
        }
        Ok(Some(json!({"num": num})))
    }

    /// 3.A 开发者注册 (`telphone` as spelled; it and `email` 可空). 附录A 20205 says registering
    /// also creates the developer's Ulord wallet: its pay password is the account password.
    pub fn register(&mut self, b: &Body) -> Outcome {
        let (username, password) = (text(b, "username")?, text(b, "password")?);
        let role = id(b, "role_id")?;
        let email = b.get("email").and_then(Value::as_str).unwrap_or("");
        if self.developers.values().any(|d| d.username == username) {
            return Err(Fail(20000));
        }
        if !email.is_empty() && self.developers.values().any(|d| d.email == email) {
            return Err(Fail(20001));
        }
        if !self.roles.contains_key(&role) {
            return Err(Fail(20005));
        }
        if self.wallets.contains_key(username) {
            return Err(Fail(20205));
        }
        let wallet = Wallet {
            password: password.into(),
            balance: 0,
        };
        self.wallets.insert(username.into(), wallet);
        let id = next(&self.developers);
        let developer = Developer {
            username: username.into(),
            password: password.into(),
            email: email.into(),
            role,
        };
        self.developers.insert(id, developer);
        Ok(Some(json!({"id": id})))
    }

    /// 3.C 开发者密码修改: the wallet's pay password is left as it was.
    pub fn change_password(&mut self, b: &Body) -> Outcome {
        let (username, password) = (text(b, "username")?, text(b, "password")?);
        let new = text(b, "new_password")?;
        let d = self
            .developers
            .values_mut()
            .find(|d| d.username == username)
            .ok_or(Fail(20003))?;
        if d.password != password {
            return Err(Fail(20004));
        }
        d.password = new.into();
        Ok(None)
    }

    /// 4.A 应用添加: a fresh appkey and secret (32 hex, as list_apps shows them).
    pub fn add_app(&mut self, b: &Body) -> Outcome {
        let (user, name, kind) = (id(b, "user_id")?, text(b, "appname")?, id(b, "apptype_id")?);
        // appdes is null in the list example, so it may be left out.
        let des = b.get("appdes").cloned().unwrap_or(Value::Null);
        if !self.developers.contains_key(&user) {
            return Err(Fail(20003));
        }
        if !self.types.contains_key(&kind) {
            return Err(Fail(20005));
        }
        if self.apps.values().any(|a| a.name == name) {
            return Err(Fail(20002));
        }
        let id = next(&self.apps);
        let app = App {
            user,
            name: name.into(),
            kind,
            des,
            key: self.hex(32),
            secret: self.hex(32),
            created: timestamp(),
            updated: Value::Null,
        };
        self.apps.insert(id, app);
        Ok(Some(json!({"id": id})))
    }

    /// 4.B 应用列表 of `user_id`.
    pub fn list_apps(&mut self, b: &Body) -> Outcome {
        let user = id(b, "user_id")?;
        if !self.developers.contains_key(&user) {
            return Err(Fail(20003));
        }
        let rows = self
            .apps
            .iter()
            .filter(|(_, a)| a.user == user)
            .map(|(id, a)| {
                json!({
                    "appdes": a.des, "appkey": a.key, "appname": a.name, "create_timed": a.created,
                    "id": id, "secret": a.secret, "type": a.kind, "update_timed": a.updated,
                })
            });
        Ok(Some(rows.collect()))
    }

    /// 4.C 应用修改secret: only the app's own developer (10013 otherwise).
    pub fn reset_secret(&mut self, b: &Body) -> Outcome {
        let (app, user) = (id(b, "id")?, id(b, "user_id")?);
        let secret = self.hex(32);
        let a = self.apps.get_mut(&app).ok_or(Fail(20005))?;
        if a.user != user {
            return Err(Fail(10013));
        }
        a.secret = secret.clone();
        a.updated = json!(timestamp());
        Ok(Some(json!({"secret": secret})))
    }

    /// 4.D 应用删除.
    pub fn remove_app(&mut self, b: &Body) -> Outcome {
        let num = usize::from(self.apps.remove(&id(b, "id")?).is_some());
        Ok(Some(json!({"num": num})))
    }
}
