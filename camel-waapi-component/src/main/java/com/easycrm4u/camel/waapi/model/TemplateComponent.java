package com.easycrm4u.camel.waapi.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One Meta-shaped template component: {@code header}, {@code body} or {@code button} with its parameters.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateComponent {

    private String type;
    @JsonProperty("sub_type")
    private String subType;
    private String index;
    private List<TemplateParameter> parameters;

    public TemplateComponent() {
    }

    public TemplateComponent(String type, List<TemplateParameter> parameters) {
        this.type = type;
        this.parameters = parameters;
    }

    /** A body component whose parameters are the given texts, in order. */
    public static TemplateComponent bodyTexts(List<?> texts) {
        List<TemplateParameter> parameters = new ArrayList<>(texts.size());
        for (Object text : texts) {
            parameters.add(TemplateParameter.text(text == null ? null : text.toString()));
        }
        return new TemplateComponent("body", parameters);
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getSubType() {
        return subType;
    }

    public void setSubType(String subType) {
        this.subType = subType;
    }

    public String getIndex() {
        return index;
    }

    public void setIndex(String index) {
        this.index = index;
    }

    public List<TemplateParameter> getParameters() {
        return parameters;
    }

    public void setParameters(List<TemplateParameter> parameters) {
        this.parameters = parameters;
    }
}
