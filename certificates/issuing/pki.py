"""The development issuing CA and signing certificate (`manage.py setup_signing`).

Production never calls `create_dev_material`: it points SIGNING_KEY_FILE / SIGNING_CERT_FILE /
SIGNING_CA_CERT_FILE (PEM) or SIGNING_PKCS12_FILE at key material made by the certification body's
real CA. Nothing here touches the database."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

CA_YEARS = 10
SIGNER_YEARS = 5


@dataclass(frozen=True)
class DevPaths:
    directory: Path
    ca_key: Path
    ca_cert: Path
    signer_key: Path
    signer_cert: Path


def dev_paths(settings) -> DevPaths:
    directory = Path(settings.SIGNING_DIR)
    return DevPaths(
        directory=directory,
        ca_key=directory / "ca.key.pem",
        ca_cert=Path(settings.SIGNING_CA_CERT_FILE),
        signer_key=Path(settings.SIGNING_KEY_FILE),
        signer_cert=Path(settings.SIGNING_CERT_FILE),
    )


def _name(common_name: str, organization: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
        ]
    )


def _write_private(path: Path, key, passphrase: bytes | None) -> None:
    encryption = (
        serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
    )
    data = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def _write_cert(path: Path, cert: x509.Certificate) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))


def _load_key(path: Path, passphrase: bytes | None):
    return serialization.load_pem_private_key(path.read_bytes(), password=passphrase)


def _make_ca(organization: str):
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    name = _name(f"{organization} Development Issuing CA", organization)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * CA_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def _make_signer(organization: str, ca_key, ca_cert: x509.Certificate):
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    not_after = min(now + dt.timedelta(days=365 * SIGNER_YEARS), ca_cert.not_valid_after_utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(f"{organization} Certificate Signing", organization))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return key, cert


def create_dev_material(paths: DevPaths, *, organization: str, passphrase: bytes | None = None) -> list[str]:
    """Create whatever is missing: the CA (key + certificate), then the signing key + certificate it
    certifies. Existing files are never overwritten. Returns what was created. An exclusive file lock
    makes concurrent first runs (parallel test workers, two processes) create one set."""
    import fcntl

    paths.directory.mkdir(parents=True, exist_ok=True)
    with open(paths.directory / ".setup.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            return _create_missing(paths, organization=organization, passphrase=passphrase)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _create_missing(paths: DevPaths, *, organization: str, passphrase: bytes | None) -> list[str]:
    created = []
    if paths.ca_cert.exists() and paths.ca_key.exists():
        ca_key = _load_key(paths.ca_key, passphrase)
        ca_cert = x509.load_pem_x509_certificate(paths.ca_cert.read_bytes())
    elif paths.ca_cert.exists() or paths.ca_key.exists():
        if paths.signer_key.exists() and paths.signer_cert.exists():
            return created  # a CA certificate without its key (e.g. supplied): nothing to make
        raise FileExistsError(
            f"Only half of the CA exists in {paths.directory} (key or certificate missing); "
            "remove it or supply both."
        )
    else:
        ca_key, ca_cert = _make_ca(organization)
        _write_private(paths.ca_key, ca_key, passphrase)
        _write_cert(paths.ca_cert, ca_cert)
        created += [str(paths.ca_key), str(paths.ca_cert)]
    if not (paths.signer_key.exists() and paths.signer_cert.exists()):
        key, cert = _make_signer(organization, ca_key, ca_cert)
        _write_private(paths.signer_key, key, passphrase)
        _write_cert(paths.signer_cert, cert)
        created += [str(paths.signer_key), str(paths.signer_cert)]
    return created
