package org.socius.delivery.internal;

import java.io.ByteArrayOutputStream;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.socius.delivery.PaymentRun;

/**
 * A payment run as an ISO 20022 customer credit transfer initiation (pain.001.001.09): one payment
 * information block debiting the region's account, a credit transfer per order. Names and texts are
 * cut to the lengths the schema allows.
 */
public final class Pain001 {

  public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
  private static final int MAX_NAME = 140;
  private static final int MAX_REMITTANCE = 140;

  private Pain001() {}

  public static byte[] of(PaymentRun run, LocalDateTime createdAt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml =
          XMLOutputFactory.newInstance().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
      xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      xml.writeStartElement("Document");
      xml.writeDefaultNamespace(NAMESPACE);
      xml.writeStartElement("CstmrCdtTrfInitn");

      xml.writeStartElement("GrpHdr");
      text(xml, "MsgId", run.reference());
      text(
          xml,
          "CreDtTm",
          createdAt.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
      text(xml, "NbOfTxs", String.valueOf(run.orders().size()));
      text(xml, "CtrlSum", amount(run.total()));
      xml.writeStartElement("InitgPty");
      text(xml, "Nm", cut(run.debtor().holder(), MAX_NAME));
      xml.writeEndElement();
      xml.writeEndElement();

      xml.writeStartElement("PmtInf");
      text(xml, "PmtInfId", run.reference());
      text(xml, "PmtMtd", "TRF");
      text(xml, "NbOfTxs", String.valueOf(run.orders().size()));
      text(xml, "CtrlSum", amount(run.total()));
      xml.writeStartElement("ReqdExctnDt");
      text(xml, "Dt", run.requestedOn().toString());
      xml.writeEndElement();
      party(xml, "Dbtr", run.debtor().holder());
      account(xml, "DbtrAcct", run.debtor().iban());
      agent(xml, "DbtrAgt", run.debtor().bic());
      for (PaymentRun.Order o : run.orders()) {
        xml.writeStartElement("CdtTrfTxInf");
        xml.writeStartElement("PmtId");
        text(xml, "EndToEndId", o.endToEndId());
        xml.writeEndElement();
        xml.writeStartElement("Amt");
        xml.writeStartElement("InstdAmt");
        xml.writeAttribute("Ccy", run.currency());
        xml.writeCharacters(amount(o.amount()));
        xml.writeEndElement();
        xml.writeEndElement();
        agent(xml, "CdtrAgt", o.creditor().bic());
        party(xml, "Cdtr", o.creditor().holder());
        account(xml, "CdtrAcct", o.creditor().iban());
        xml.writeStartElement("RmtInf");
        text(xml, "Ustrd", cut(o.remittance(), MAX_REMITTANCE));
        xml.writeEndElement();
        xml.writeEndElement();
      }
      xml.writeEndElement();

      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Writing the payment file failed", e);
    }
    return out.toByteArray();
  }

  private static void party(XMLStreamWriter xml, String element, String name)
      throws XMLStreamException {
    xml.writeStartElement(element);
    text(xml, "Nm", cut(name, MAX_NAME));
    xml.writeEndElement();
  }

  private static void account(XMLStreamWriter xml, String element, String iban)
      throws XMLStreamException {
    xml.writeStartElement(element);
    xml.writeStartElement("Id");
    text(xml, "IBAN", iban);
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private static void agent(XMLStreamWriter xml, String element, String bic)
      throws XMLStreamException {
    xml.writeStartElement(element);
    xml.writeStartElement("FinInstnId");
    text(xml, "BICFI", bic);
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private static void text(XMLStreamWriter xml, String element, String value)
      throws XMLStreamException {
    xml.writeStartElement(element);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  private static String amount(java.math.BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
