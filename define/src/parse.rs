//! The definition grammar (docs/endpoints.md), parsed once into [`Service`]. Every expander
//! works from this one tree; checks that need the whole block (names resolve, walks name
//! fields of the right models) are made here and reported at the offending token.

use syn::parse::{Parse, ParseStream};
use syn::{braced, bracketed, Attribute, Error, Expr, Ident, Lit, LitStr, Result, Token};

mod kw {
    syn::custom_keyword!(service);
    syn::custom_keyword!(envelope);
    syn::custom_keyword!(credentials);
    syn::custom_keyword!(models);
    syn::custom_keyword!(endpoints);
    syn::custom_keyword!(input);
    syn::custom_keyword!(output);
    syn::custom_keyword!(optional);
    syn::custom_keyword!(header);
    syn::custom_keyword!(query);
    syn::custom_keyword!(auth);
    syn::custom_keyword!(whole);
    syn::custom_keyword!(pages);
    syn::custom_keyword!(of);
    syn::custom_keyword!(by);
    syn::custom_keyword!(page);
    syn::custom_keyword!(size);
    syn::custom_keyword!(offset);
    syn::custom_keyword!(limit);
    syn::custom_keyword!(marker);
    syn::custom_keyword!(items);
    syn::custom_keyword!(total);
    syn::custom_keyword!(next);
    syn::custom_keyword!(json);
    syn::custom_keyword!(form);
    syn::custom_keyword!(multipart);
    syn::custom_keyword!(action);
    syn::custom_keyword!(idempotent);
    syn::custom_keyword!(once);
}

/// A whole definition block.
pub struct Service {
    pub module: Ident,
    pub client: Ident,
    pub envelope: Ident,
    pub credentials: Vec<Ident>,
    pub models: Vec<Model>,
    pub enums: Vec<Enum>,
    pub endpoints: Vec<Endpoint>,
}

pub struct Model {
    pub docs: Vec<LitStr>,
    pub input: bool,
    pub name: Ident,
    /// `[one_of_required("a", "b")]`: wire names of which at least one must be given.
    pub one_of_required: Vec<LitStr>,
    pub fields: Vec<Field>,
}

pub struct Field {
    pub docs: Vec<LitStr>,
    pub name: Ident,
    pub wire: LitStr,
    pub optional: bool,
    /// `header` or `query`, when marked.
    pub location: Option<Ident>,
    pub ty: Ty,
    pub rules: Vec<Rule>,
}

/// A field's type, resolved against the block's models and enums.
#[derive(Clone)]
pub enum Ty {
    Prim(Ident),
    List(Box<Ty>),
    Model(Ident),
    Enum(Ident),
}

impl Ty {
    /// The item type of a list, the type itself otherwise.
    pub fn item(&self) -> &Ty {
        match self {
            Ty::List(t) => t.item(),
            t => t,
        }
    }
}

pub const PRIMS: [&str; 10] = [
    "String", "Secret", "bool", "i32", "i64", "u32", "u64", "f64", "Json", "Bytes",
];

pub enum Rule {
    Chars(Expr, Expr),
    Items(Expr, Expr),
    Hex(Expr),
    HexBytes,
    Bid,
    OneOfStr(Vec<LitStr>),
    OneOfInt(Vec<Expr>),
    OneOfNum(Vec<Expr>),
    Range(Expr, Expr),
    Date,
    DateTime,
}

pub struct Enum {
    pub docs: Vec<LitStr>,
    pub name: Ident,
    pub variants: Vec<Variant>,
}

pub struct Variant {
    pub docs: Vec<LitStr>,
    pub name: Ident,
    pub wire: LitStr,
}

pub enum Body {
    Default,
    Json,
    Form,
    Multipart,
    Action(LitStr),
}

pub enum Output {
    Empty,
    Download,
    Model(Ident),
}

pub struct Endpoint {
    pub docs: Vec<LitStr>,
    pub name: Ident,
    pub js: LitStr,
    pub method: Ident,
    pub path: LitStr,
    pub body: Body,
    pub auth: bool,
    pub input: Option<Ident>,
    pub output: Output,
    pub idempotent: bool,
    pub whole: bool,
    pub pages: Option<Pages>,
}

/// How pages follow each other; input fields are paths (`page.page_num`: a nested field).
pub enum Walk {
    Page(Vec<Ident>, Vec<Ident>),
    Offset(Vec<Ident>, Vec<Ident>),
    Marker(Vec<Ident>, Vec<Ident>),
}

pub struct Pages {
    pub name: Ident,
    pub js: LitStr,
    pub item: Ident,
    pub pager: Ident,
    pub walk: Walk,
    pub items: Vec<Ident>,
    pub total: Option<Vec<Ident>>,
}

fn docs(attrs: Vec<Attribute>) -> Result<Vec<LitStr>> {
    attrs
        .into_iter()
        .map(|a| match &a.meta {
            syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                Expr::Lit(syn::ExprLit {
                    lit: Lit::Str(s), ..
                }) => Ok(s.clone()),
                other => Err(Error::new_spanned(other, "expected a doc string")),
            },
            _ => Err(Error::new_spanned(a, "only doc comments go here")),
        })
        .collect()
}

fn path_of_idents(input: ParseStream) -> Result<Vec<Ident>> {
    let mut out = vec![input.parse::<Ident>()?];
    while input.peek(Token![.]) {
        input.parse::<Token![.]>()?;
        out.push(input.parse()?);
    }
    Ok(out)
}

impl Parse for Service {
    fn parse(input: ParseStream) -> Result<Self> {
        input.parse::<kw::service>()?;
        let module = input.parse()?;
        let client = input.parse()?;
        input.parse::<kw::envelope>()?;
        let envelope = input.parse()?;
        let mut credentials = Vec::new();
        if input.peek(kw::credentials) {
            input.parse::<kw::credentials>()?;
            loop {
                credentials.push(input.parse()?);
                if !input.peek(Token![,]) {
                    break;
                }
                input.parse::<Token![,]>()?;
            }
        }
        input.parse::<Token![;]>()?;

        input.parse::<kw::models>()?;
        let body;
        braced!(body in input);
        let (mut models, mut enums) = (Vec::new(), Vec::new());
        while !body.is_empty() {
            let d = docs(body.call(Attribute::parse_outer)?)?;
            if body.peek(Token![enum]) {
                body.parse::<Token![enum]>()?;
                enums.push(parse_enum(&body, d)?);
            } else {
                models.push(parse_model(&body, d)?);
            }
        }

        input.parse::<kw::endpoints>()?;
        let body;
        braced!(body in input);
        let mut endpoints = Vec::new();
        while !body.is_empty() {
            endpoints.push(parse_endpoint(&body)?);
        }
        let mut service = Service {
            module,
            client,
            envelope,
            credentials,
            models,
            enums,
            endpoints,
        };
        service.resolve()?;
        Ok(service)
    }
}

fn parse_enum(input: ParseStream, docs_: Vec<LitStr>) -> Result<Enum> {
    let name = input.parse()?;
    let body;
    braced!(body in input);
    let mut variants = Vec::new();
    while !body.is_empty() {
        let d = docs(body.call(Attribute::parse_outer)?)?;
        variants.push(Variant {
            docs: d,
            name: body.parse()?,
            wire: body.parse()?,
        });
        if !body.is_empty() {
            body.parse::<Token![,]>()?;
        }
    }
    Ok(Enum {
        docs: docs_,
        name,
        variants,
    })
}

fn parse_model(input: ParseStream, docs_: Vec<LitStr>) -> Result<Model> {
    let is_input = if input.peek(kw::input) {
        input.parse::<kw::input>()?;
        true
    } else {
        input.parse::<kw::output>()?;
        false
    };
    let name = input.parse()?;
    let one_of_required = if input.peek(syn::token::Bracket) {
        let rule;
        syn::bracketed!(rule in input);
        let call: syn::ExprCall = rule.parse()?;
        if !matches!(&*call.func, Expr::Path(p) if p.path.is_ident("one_of_required")) {
            return Err(Error::new_spanned(
                &call.func,
                "expected one_of_required(\"a\", \"b\")",
            ));
        }
        call.args
            .iter()
            .map(|a| match a {
                Expr::Lit(syn::ExprLit {
                    lit: Lit::Str(s), ..
                }) => Ok(s.clone()),
                other => Err(Error::new_spanned(other, "expected a field's wire name")),
            })
            .collect::<Result<Vec<_>>>()?
    } else {
        Vec::new()
    };
    let body;
    braced!(body in input);
    let mut fields = Vec::new();
    while !body.is_empty() {
        fields.push(parse_field(&body)?);
        if !body.is_empty() {
            body.parse::<Token![,]>()?;
        }
    }
    Ok(Model {
        docs: docs_,
        input: is_input,
        name,
        one_of_required,
        fields,
    })
}

fn parse_field(input: ParseStream) -> Result<Field> {
    let d = docs(input.call(Attribute::parse_outer)?)?;
    let name = input.parse()?;
    let wire = input.parse()?;
    let mut optional = false;
    let mut location = None;
    while !input.peek(Token![:]) {
        let word: Ident = input.parse()?;
        match word.to_string().as_str() {
            "optional" => optional = true,
            "header" | "query" => location = Some(word),
            _ => {
                return Err(Error::new(
                    word.span(),
                    "expected optional, header or query",
                ))
            }
        }
    }
    input.parse::<Token![:]>()?;
    let ty = parse_type(input)?;
    let mut rules = Vec::new();
    if input.peek(syn::token::Bracket) {
        let list;
        bracketed!(list in input);
        for expr in list.parse_terminated(Expr::parse, Token![,])? {
            rules.push(parse_rule(expr)?);
        }
    }
    Ok(Field {
        docs: d,
        name,
        wire,
        optional,
        location,
        ty,
        rules,
    })
}

/// `Vec<T>` or a name; names are resolved once the whole block is read.
fn parse_type(input: ParseStream) -> Result<Ty> {
    let name: Ident = input.parse()?;
    if name == "Vec" {
        input.parse::<Token![<]>()?;
        let inner = parse_type(input)?;
        input.parse::<Token![>]>()?;
        return Ok(Ty::List(Box::new(inner)));
    }
    Ok(if PRIMS.contains(&name.to_string().as_str()) {
        Ty::Prim(name)
    } else {
        Ty::Model(name)
    })
}

fn args(call: &syn::ExprCall, n: usize) -> Result<Vec<Expr>> {
    if call.args.len() != n {
        return Err(Error::new_spanned(call, format!("expected {n} arguments")));
    }
    Ok(call.args.iter().cloned().collect())
}

fn parse_rule(expr: Expr) -> Result<Rule> {
    let Expr::Call(call) = &expr else {
        return Err(Error::new_spanned(
            expr,
            "expected a rule such as chars(1, 50)",
        ));
    };
    let Expr::Path(p) = &*call.func else {
        return Err(Error::new_spanned(&call.func, "expected a rule name"));
    };
    let name = p.path.get_ident().map(Ident::to_string).unwrap_or_default();
    Ok(match name.as_str() {
        "chars" => {
            let a = args(call, 2)?;
            Rule::Chars(a[0].clone(), a[1].clone())
        }
        "items" => {
            let a = args(call, 2)?;
            Rule::Items(a[0].clone(), a[1].clone())
        }
        "range" => {
            let a = args(call, 2)?;
            Rule::Range(a[0].clone(), a[1].clone())
        }
        "hex" => Rule::Hex(args(call, 1)?.remove(0)),
        "hex_bytes" => {
            args(call, 0)?;
            Rule::HexBytes
        }
        "bid" => {
            args(call, 0)?;
            Rule::Bid
        }
        "date" => {
            args(call, 0)?;
            Rule::Date
        }
        "datetime" => {
            args(call, 0)?;
            Rule::DateTime
        }
        "one_of" => {
            let mut list = args(call, 1)?.remove(0);
            if let Expr::Reference(r) = list {
                list = *r.expr;
            }
            let Expr::Array(array) = list else {
                return Err(Error::new_spanned(
                    list,
                    "expected a list such as [\"a\", \"b\"]",
                ));
            };
            let strings: Vec<LitStr> = array
                .elems
                .iter()
                .filter_map(|e| match e {
                    Expr::Lit(syn::ExprLit {
                        lit: Lit::Str(s), ..
                    }) => Some(s.clone()),
                    _ => None,
                })
                .collect();
            let floats = array.elems.iter().all(|e| {
                matches!(
                    e,
                    Expr::Lit(syn::ExprLit {
                        lit: Lit::Float(_),
                        ..
                    })
                )
            });
            if strings.len() == array.elems.len() {
                Rule::OneOfStr(strings)
            } else if floats {
                Rule::OneOfNum(array.elems.iter().cloned().collect())
            } else {
                Rule::OneOfInt(array.elems.iter().cloned().collect())
            }
        }
        _ => return Err(Error::new_spanned(&call.func, "unknown rule")),
    })
}

fn parse_endpoint(input: ParseStream) -> Result<Endpoint> {
    let d = docs(input.call(Attribute::parse_outer)?)?;
    let name = input.parse()?;
    let js = input.parse()?;
    input.parse::<Token![:]>()?;
    let method = input.parse()?;
    let path = input.parse()?;
    let body = if input.peek(kw::json) {
        input.parse::<kw::json>()?;
        Body::Json
    } else if input.peek(kw::form) {
        input.parse::<kw::form>()?;
        Body::Form
    } else if input.peek(kw::multipart) {
        input.parse::<kw::multipart>()?;
        Body::Multipart
    } else if input.peek(kw::action) {
        input.parse::<kw::action>()?;
        Body::Action(input.parse()?)
    } else {
        Body::Default
    };
    input.parse::<Token![,]>()?;
    input.parse::<kw::auth>()?;
    let word: Ident = input.parse()?;
    let auth = match word.to_string().as_str() {
        "service" => true,
        "none" => false,
        _ => return Err(Error::new(word.span(), "expected service or none")),
    };
    input.parse::<Token![,]>()?;
    let unit = |input: ParseStream| -> Result<bool> {
        if input.peek(syn::token::Paren) {
            let inner;
            syn::parenthesized!(inner in input);
            if !inner.is_empty() {
                return Err(inner.error("expected ()"));
            }
            return Ok(true);
        }
        Ok(false)
    };
    let input_model = if unit(input)? {
        None
    } else {
        Some(input.parse()?)
    };
    input.parse::<Token![=>]>()?;
    let output = if unit(input)? {
        Output::Empty
    } else {
        let name: Ident = input.parse()?;
        if name == "Download" {
            Output::Download
        } else {
            Output::Model(name)
        }
    };
    input.parse::<Token![,]>()?;
    let idempotent = if input.peek(kw::idempotent) {
        input.parse::<kw::idempotent>()?;
        true
    } else {
        input.parse::<kw::once>()?;
        false
    };
    let mut whole = false;
    let mut pages = None;
    while input.peek(Token![,]) {
        input.parse::<Token![,]>()?;
        if input.peek(kw::whole) {
            input.parse::<kw::whole>()?;
            whole = true;
        } else {
            input.parse::<kw::pages>()?;
            pages = Some(parse_pages(input)?);
        }
    }
    input.parse::<Token![;]>()?;
    Ok(Endpoint {
        docs: d,
        name,
        js,
        method,
        path,
        body,
        auth,
        input: input_model,
        output,
        idempotent,
        whole,
        pages,
    })
}

fn parse_pages(input: ParseStream) -> Result<Pages> {
    let name = input.parse()?;
    let js = input.parse()?;
    input.parse::<kw::of>()?;
    let item = input.parse()?;
    input.parse::<kw::by>()?;
    let pager = input.parse()?;
    let walk = if input.peek(kw::page) {
        input.parse::<kw::page>()?;
        let page = path_of_idents(input)?;
        input.parse::<kw::size>()?;
        Walk::Page(page, path_of_idents(input)?)
    } else if input.peek(kw::offset) {
        input.parse::<kw::offset>()?;
        let offset = path_of_idents(input)?;
        input.parse::<kw::limit>()?;
        Walk::Offset(offset, path_of_idents(input)?)
    } else {
        input.parse::<kw::marker>()?;
        let marker = path_of_idents(input)?;
        Walk::Marker(marker, Vec::new())
    };
    input.parse::<kw::items>()?;
    let items = path_of_idents(input)?;
    let mut total = None;
    let walk = match walk {
        Walk::Marker(marker, _) => {
            input.parse::<kw::next>()?;
            Walk::Marker(marker, path_of_idents(input)?)
        }
        walk => {
            if input.peek(kw::total) {
                input.parse::<kw::total>()?;
                total = Some(path_of_idents(input)?);
            }
            walk
        }
    };
    Ok(Pages {
        name,
        js,
        item,
        pager,
        walk,
        items,
        total,
    })
}

impl Service {
    pub fn model(&self, name: &Ident) -> Option<&Model> {
        self.models.iter().find(|m| m.name == *name)
    }

    /// Names resolve; walks name real fields; no name is defined twice.
    fn resolve(&mut self) -> Result<()> {
        let mut seen = std::collections::HashSet::new();
        for name in self
            .models
            .iter()
            .map(|m| &m.name)
            .chain(self.enums.iter().map(|e| &e.name))
        {
            if !seen.insert(name.to_string()) {
                return Err(Error::new(name.span(), "defined twice"));
            }
        }
        let enums: Vec<Ident> = self.enums.iter().map(|e| e.name.clone()).collect();
        let models: Vec<Ident> = self.models.iter().map(|m| m.name.clone()).collect();
        fn fix(ty: &mut Ty, enums: &[Ident], models: &[Ident]) -> Result<()> {
            match ty {
                Ty::List(inner) => fix(inner, enums, models),
                Ty::Model(name) if enums.contains(name) => {
                    *ty = Ty::Enum(name.clone());
                    Ok(())
                }
                Ty::Model(name) if !models.contains(name) => Err(Error::new(
                    name.span(),
                    "not a model, an enum or a known type of this definition",
                )),
                _ => Ok(()),
            }
        }
        for model in &mut self.models {
            for field in &mut model.fields {
                fix(&mut field.ty, &enums, &models)?;
            }
        }
        for ep in &self.endpoints {
            let known = |name: &Ident| {
                if self.model(name).is_none() {
                    return Err(Error::new(name.span(), "not a model of this definition"));
                }
                Ok(())
            };
            if let Some(i) = &ep.input {
                known(i)?;
            }
            if let Output::Model(o) = &ep.output {
                known(o)?;
            }
            if let Some(p) = &ep.pages {
                known(&p.item)?;
                let input = ep.input.as_ref().and_then(|i| self.model(i));
                let input =
                    input.ok_or_else(|| Error::new(p.name.span(), "a walk needs an input"))?;
                let out = match &ep.output {
                    Output::Model(o) => self.model(o),
                    _ => None,
                };
                let out = out.ok_or_else(|| Error::new(p.name.span(), "a walk needs an output"))?;
                let in_paths = match &p.walk {
                    Walk::Page(a, b) | Walk::Offset(a, b) => vec![a, b],
                    Walk::Marker(m, _) => vec![m],
                };
                for path in in_paths {
                    self.wire_path(input, path)?;
                }
                self.wire_path(out, &p.items)?;
                if let Some(t) = &p.total {
                    self.wire_path(out, t)?;
                }
                if let Walk::Marker(_, next) = &p.walk {
                    self.wire_path(out, next)?;
                }
            }
        }
        Ok(())
    }

    /// The wire names along a path of Rust field names from `model`.
    pub fn wire_path(&self, model: &Model, path: &[Ident]) -> Result<Vec<LitStr>> {
        let mut model = Some(model);
        let mut out = Vec::new();
        for name in path {
            let field = model
                .and_then(|m| m.fields.iter().find(|f| f.name == *name))
                .ok_or_else(|| Error::new(name.span(), "not a field here"))?;
            out.push(field.wire.clone());
            model = match field.ty.item() {
                Ty::Model(m) => self.model(m),
                _ => None,
            };
        }
        Ok(out)
    }

    /// The dotted wire path (`page.pageNum`) of a path of Rust field names from `model`.
    pub fn dotted(&self, model: &Model, path: &[Ident]) -> Result<LitStr> {
        let wires: Vec<String> = self
            .wire_path(model, path)?
            .iter()
            .map(LitStr::value)
            .collect();
        let span = path
            .first()
            .map_or_else(proc_macro2::Span::call_site, Ident::span);
        Ok(LitStr::new(&wires.join("."), span))
    }
}
