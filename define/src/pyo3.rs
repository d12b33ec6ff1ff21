//! stub
use crate::parse::Service;
pub fn expand(_: &Service) -> syn::Result<proc_macro2::TokenStream> {
    Ok(proc_macro2::TokenStream::new())
}
