package com.mimeeqportal.shortcode;

import com.mimeeqportal.web.Times;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/** A short code someone of the tenant generated through the portal: the history's row. */
@Entity
@Immutable
@Table(name = "generated_short_code")
public class GeneratedShortCode {

    @Id
    private String id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "short_code", nullable = false)
    private String shortCode;

    @Column(name = "product_id", nullable = false)
    private String productId;

    @Column(name = "product_name")
    private String productName;

    @Column(name = "configuration_code", nullable = false)
    private String configurationCode;

    @Column(name = "created_by_user_id", nullable = false)
    private String createdByUserId;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected GeneratedShortCode() {
    }

    public GeneratedShortCode(String shortCode, String productId, String productName, String configurationCode,
                              String createdByUserId, String createdBy, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.shortCode = shortCode;
        this.productId = productId;
        this.productName = displayName(productName);
        this.configurationCode = configurationCode;
        this.createdByUserId = createdByUserId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** The width of {@code product_name} (V4). */
    static final int PRODUCT_NAME_LENGTH = 300;

    /**
     * The product's name as Mimeeq gave it, for the history only. It is upstream data, not input: when Mimeeq
     * has already created the code, a name longer than the column must not fail the insert, so it is kept
     * shortened with an ellipsis (never splitting a surrogate pair). The code and product id are kept whole.
     */
    static String displayName(String name) {
        if (name == null || name.length() <= PRODUCT_NAME_LENGTH) {
            return name;
        }
        int end = PRODUCT_NAME_LENGTH - 1;
        if (Character.isHighSurrogate(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(0, end) + "\u2026";
    }

    public String shortCode() { return shortCode; }
    public String productId() { return productId; }
    public String productName() { return productName; }
    public String configurationCode() { return configurationCode; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public String createdAtText() { return Times.format(createdAt); }
}
