package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.CertificateInfo;
import java.util.Optional;

/** Reads a PEM string holding exactly one X.509 certificate; empty when it holds anything else. */
public interface CertificateInspector {

    Optional<CertificateInfo> inspect(String pem);
}
