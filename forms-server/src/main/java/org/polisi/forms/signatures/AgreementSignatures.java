package org.polisi.forms.signatures;

import java.util.List;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.SignerGroup;

/** Everyone who has signed one agreement, people who must sign again first, then by name. */
public record AgreementSignatures(FormDefinition form, SignerGroup group, List<Signer> signers) {

    public List<Signer> mustSignAgain() {
        return signers.stream().filter(signer -> !signer.current()).toList();
    }

    public List<Signer> current() {
        return signers.stream().filter(Signer::current).toList();
    }
}
