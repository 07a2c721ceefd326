package dev.tact.contact;

public enum IdentityKind {
  EMAIL,
  PHONE,
  HANDLE
}
