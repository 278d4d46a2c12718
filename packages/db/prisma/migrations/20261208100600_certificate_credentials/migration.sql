-- Open Badges 3.0 credentials (issue 17, ADR 031): each certificate's place on the revocation
-- status list, and whether (and why) it was revoked.
CREATE TABLE "CertificateCredential" (
    "id" TEXT NOT NULL,
    "certificateId" TEXT NOT NULL,
    "statusList" INTEGER NOT NULL DEFAULT 1,
    "statusIndex" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revocationReason" TEXT,

    CONSTRAINT "CertificateCredential_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "CertificateCredential_certificateId_key" ON "CertificateCredential"("certificateId");

CREATE UNIQUE INDEX "CertificateCredential_statusList_statusIndex_key" ON "CertificateCredential"("statusList", "statusIndex");

CREATE INDEX "CertificateCredential_statusList_revokedAt_idx" ON "CertificateCredential"("statusList", "revokedAt");

ALTER TABLE "CertificateCredential" ADD CONSTRAINT "CertificateCredential_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
